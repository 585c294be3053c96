from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Product


async def count_products(db: AsyncSession) -> int:
    return len(list(await db.scalars(select(Product.id))))
