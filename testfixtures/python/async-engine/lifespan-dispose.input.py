import contextlib
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()
engine = create_engine("postgresql://app:secret@db/app")


def get_db():
    with Session(engine) as session:
        yield session


@asynccontextmanager
async def lifespan(app: FastAPI):
    Base.metadata.create_all(engine)
    Base.metadata.create_all(bind=engine, checkfirst=True)
    yield


@contextlib.asynccontextmanager
async def with_shutdown_work(app: FastAPI):
    Base.metadata.create_all(engine)
    yield
    print("bye")


@asynccontextmanager
async def yields_in_try(app: FastAPI):
    # The yield is not a statement of the body: where the engine's last use ends is not plain.
    Base.metadata.create_all(engine)
    try:
        yield
    finally:
        print("bye")


@asynccontextmanager
async def disposes_already(app: FastAPI):
    Base.metadata.create_all(engine)
    yield
    await async_engine.dispose()


async def on_startup():
    # Not a lifespan: a startup handler has no end to dispose at.
    Base.metadata.create_all(engine)
