from app.db.base import Base
from app.db.session import async_engine


async def init_db() -> None:
    # propagate-async made this function async; the sync engine would block the loop here.
    async with async_engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    await seed()
