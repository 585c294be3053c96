from sqlalchemy.ext.asyncio import AsyncSession

from tests.helpers import names


async def report(db: AsyncSession):
    await db.commit()
    return await names(db)
