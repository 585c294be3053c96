from typing import Iterator

from fastapi import Depends
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

engine = create_engine("sqlite:///./teams.db", connect_args={"check_same_thread": False})
async_engine = create_async_engine("sqlite+aiosqlite:///./teams.db", connect_args={"check_same_thread": False})
SessionLocal = sessionmaker(bind=engine)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


@Depends
def get_db() -> Iterator[Session]:
    with SessionLocal() as session:
        yield session
