from sqlmodel import Session

from ..core.db import async_engine, engine
from sqlmodel.ext.asyncio.session import AsyncSession


def get_db():
    with Session(engine) as session:
        yield session


async def get_async_db():
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        yield session
