from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Product


async def add_product(db: AsyncSession, title: str) -> Product:
    product = Product(title=title)
    db.add(product)
    await db.commit()
    return product


async def find_product(db: AsyncSession, title: str) -> Product | None:
    return await db.scalar(select(Product).where(Product.title == title))
