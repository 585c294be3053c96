from typing import Annotated

from fastapi import Depends
from sqlmodel import Session

from app import database


def get_db():
    with Session(database.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]
