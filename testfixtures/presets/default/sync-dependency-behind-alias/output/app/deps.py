from typing import Annotated

from fastapi import Depends
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker


def get_db_session():
    # Engine and factory made here: no async twin can be written, so it stays a sync generator.
    engine = create_engine("sqlite:///./app.db")
    factory = sessionmaker(bind=engine)
    db = factory()
    try:
        yield db
    finally:
        db.close()


DbDep = Annotated[Session, Depends(get_db_session)]
