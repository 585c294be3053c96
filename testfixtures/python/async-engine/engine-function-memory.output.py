from functools import lru_cache

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker


@lru_cache
def get_engine():
    return create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)


@lru_cache
def get_async_engine():
    return create_async_engine("sqlite+aiosqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)


@lru_cache
def get_session_factory():
    return sessionmaker(bind=get_engine())


@lru_cache
def get_async_session_factory():
    return async_sessionmaker(get_async_engine(), expire_on_commit=False)


def get_db():
    with get_session_factory()() as db:
        yield db


async def get_async_db():
    async with get_async_session_factory()() as session:
        yield session
