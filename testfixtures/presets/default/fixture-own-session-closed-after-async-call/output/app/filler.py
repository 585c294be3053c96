from sqlalchemy.ext.asyncio import AsyncSession

from app import crud


async def run(db: AsyncSession):
    await crud.create_item(db, "a")
    await crud.create_item(db, "b")
