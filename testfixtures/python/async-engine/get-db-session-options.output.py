from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.ext.asyncio import create_async_engine, AsyncSession

engine = create_engine("postgresql://app@localhost/app")
async_engine = create_async_engine("postgresql+asyncpg://app@localhost/app")


def get_db():
    # Options other than the engine are carried over; autocommit=False is the default (and gone in 2.0).
    with Session(engine, autocommit=False, autoflush=False, info={"app": "api"}) as session:
        yield session


async def get_async_db():
    async with AsyncSession(async_engine, autoflush=False, info={"app": "api"}, expire_on_commit=False) as session:
        yield session


def get_reports_db():
    with Session(bind=engine, autocommit=True) as session:
        yield session
