import logging

from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.ext.asyncio import create_async_engine, AsyncSession

logger = logging.getLogger(__name__)

engine = create_engine("sqlite:///./app.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./app.db")


def get_db():
    """Logs around the session; nothing it does touches the session but its id."""
    with Session(engine) as db:
        logger.debug(f"session opened: id={id(db)}")
        try:
            yield db
        finally:
            logger.debug("session closed: id=%s", id(db))


async def get_async_db():
    async with AsyncSession(async_engine, expire_on_commit=False) as db:
        logger.debug(f"session opened: id={id(db)}")
        try:
            yield db
        finally:
            logger.debug("session closed: id=%s", id(db))
