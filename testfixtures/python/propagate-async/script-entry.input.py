import logging

from sqlalchemy.ext.asyncio import AsyncSession

from app.db import AsyncSessionLocal

logger = logging.getLogger(__name__)


def init(db: AsyncSession) -> None:
    await db.commit()


def main() -> None:
    db = AsyncSessionLocal()
    init(db)
    logger.info("done")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
