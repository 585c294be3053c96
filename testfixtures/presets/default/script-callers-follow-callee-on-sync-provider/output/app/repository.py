from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Product


class ProductRepository:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def titles(self) -> list[str]:
        return list(await self.db.scalars(select(Product.title)))
