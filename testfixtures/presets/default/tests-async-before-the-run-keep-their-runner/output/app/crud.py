from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy import text


async def count(db: AsyncSession) -> int:
    return (await db.execute(text("select 1"))).scalar()
