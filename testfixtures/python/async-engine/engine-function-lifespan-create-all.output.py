from contextlib import asynccontextmanager
from functools import lru_cache

from fastapi import FastAPI
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.models import Base
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker


@lru_cache
def get_engine():
    return create_engine("sqlite:///./app.db")


@lru_cache
def get_async_engine():
    return create_async_engine("sqlite+aiosqlite:///./app.db")


@lru_cache
def get_session_factory():
    return sessionmaker(bind=get_engine())


@lru_cache
def get_async_session_factory():
    return async_sessionmaker(get_async_engine(), expire_on_commit=False)


@asynccontextmanager
async def lifespan(app: FastAPI):
    async with get_async_engine().begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield
    await get_async_engine().dispose()


def get_db():
    with get_session_factory()() as db:
        yield db


async def get_async_db():
    async with get_async_session_factory()() as session:
        yield session
