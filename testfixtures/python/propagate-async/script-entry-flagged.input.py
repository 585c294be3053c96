from sqlalchemy.ext.asyncio import AsyncSession

from app.db import AsyncSessionLocal


def seed(db: AsyncSession) -> None:
    await db.commit()


def report(db: AsyncSession) -> None:
    await db.flush()


db = AsyncSessionLocal()

# Two entry calls: two asyncio.run() would give each its own event loop.
if __name__ == "__main__":
    seed(db)
    report(db)

# Not a __main__ block: module level, flagged as before.
seed(db)
