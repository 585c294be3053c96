from collections.abc import AsyncGenerator

from sqlalchemy.orm import Session

from app.db import get_async_db, iterate_rows
from sqlalchemy.ext.asyncio import AsyncSession


async def request_session() -> AsyncGenerator[AsyncSession, None]:
    async for session in get_async_db():
        yield session


async def other_rows() -> AsyncGenerator[Session, None]:
    async for row in iterate_rows():
        yield row
