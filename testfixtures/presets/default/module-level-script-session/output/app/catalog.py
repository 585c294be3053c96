from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Product


async def list_products(db: AsyncSession):
    return (await db.scalars(select(Product))).all()


def session_label(db) -> str:
    return type(db).__name__
