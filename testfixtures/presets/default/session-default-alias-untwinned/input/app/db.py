from fastapi import Depends
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.config import DB_ARGS, DB_URL

engine = create_engine(DB_URL, connect_args=DB_ARGS)


def get_db():
    with Session(engine) as session:
        yield session


DbParam = Depends(get_db)
