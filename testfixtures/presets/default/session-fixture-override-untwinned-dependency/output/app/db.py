from typing import Annotated

from fastapi import Depends
from sqlmodel import Session, create_engine

from .settings import engine_options

engine = create_engine("sqlite:///notes.db", connect_args=engine_options())


def get_db():
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]
