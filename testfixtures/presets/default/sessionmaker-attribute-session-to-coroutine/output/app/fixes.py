from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


async def fix_blank_names(session: AsyncSession) -> None:
    for item in await session.scalars(select(Item).where(Item.name == "")):
        item.name = f"item {item.id}"
    await session.commit()
