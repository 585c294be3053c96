from collections.abc import Generator

from sqlalchemy.orm import Session

from app.db import get_async_db, iterate_rows


async def request_session() -> Generator[Session, None, None]:
    async for session in get_async_db():
        yield session


async def other_rows() -> Generator[Session, None, None]:
    async for row in iterate_rows():
        yield row
