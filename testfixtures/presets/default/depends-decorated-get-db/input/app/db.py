from typing import Iterator

from fastapi import Depends
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine("sqlite:///./teams.db", connect_args={"check_same_thread": False})
SessionLocal = sessionmaker(bind=engine)


@Depends
def get_db() -> Iterator[Session]:
    with SessionLocal() as session:
        yield session
