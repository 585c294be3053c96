from collections.abc import Generator

from sqlmodel import Session

from app.core.db import async_engine, engine
from sqlmodel.ext.asyncio.session import AsyncSession


def get_db() -> Generator[Session, None, None]:
    with Session(engine) as session:
        yield session


async def get_async_db():
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        yield session
