import logging

from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.db import async_engine, init_db

logger = logging.getLogger(__name__)


def init() -> None:
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        init_db(session)
        await session.commit()
