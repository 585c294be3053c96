import logging

from sqlalchemy.ext.asyncio import AsyncSession

from app.db import AsyncSessionLocal
import asyncio

logger = logging.getLogger(__name__)


async def init(db: AsyncSession) -> None:
    await db.commit()


async def main() -> None:
    db = AsyncSessionLocal()
    await init(db)
    logger.info("done")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())
