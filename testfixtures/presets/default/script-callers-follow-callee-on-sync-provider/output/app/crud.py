from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Product
from sqlalchemy.orm import Session


def count_products(db: Session) -> int:
    return len(list(db.scalars(select(Product.id))))


async def count_titles(db: AsyncSession) -> int:
    return len(list(await db.scalars(select(Product.title))))
