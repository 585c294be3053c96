import contextlib
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, declarative_base
from sqlalchemy.ext.asyncio import create_async_engine, AsyncSession

Base = declarative_base()
engine = create_engine("postgresql://app:secret@db/app")
async_engine = create_async_engine("postgresql+asyncpg://app:secret@db/app")


def get_db():
    with Session(engine) as session:
        yield session


async def get_async_db():
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        yield session


@asynccontextmanager
async def lifespan(app: FastAPI):
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all, checkfirst=True)
    yield
    await async_engine.dispose()


@contextlib.asynccontextmanager
async def with_shutdown_work(app: FastAPI):
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield
    print("bye")
    await async_engine.dispose()


@asynccontextmanager
async def yields_in_try(app: FastAPI):
    # The yield is not a statement of the body: where the engine's last use ends is not plain.
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    try:
        yield
    finally:
        print("bye")


@asynccontextmanager
async def disposes_already(app: FastAPI):
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield
    await async_engine.dispose()


async def on_startup():
    # Not a lifespan: a startup handler has no end to dispose at.
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
