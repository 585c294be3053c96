from contextlib import asynccontextmanager
from functools import lru_cache

from fastapi import FastAPI
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.models import Base


@lru_cache
def get_engine():
    return create_engine("sqlite:///./app.db")


@lru_cache
def get_session_factory():
    return sessionmaker(bind=get_engine())


@asynccontextmanager
async def lifespan(app: FastAPI):
    Base.metadata.create_all(bind=get_engine())
    yield


def get_db():
    with get_session_factory()() as db:
        yield db
