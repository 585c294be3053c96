from typing import Annotated

from fastapi import Depends
from sqlmodel import Session, create_engine

DATABASE_PATH = "./heroes.db"

# Bound when the application starts, not at import.
engine = None


def init_engine():
    global engine
    engine = create_engine(f"sqlite:///{DATABASE_PATH}", connect_args={"check_same_thread": False})


def get_db():
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]
