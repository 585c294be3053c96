from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Product


class ProductRepository:
    def __init__(self, db: AsyncSession) -> None:
        self.db = db

    def label(self) -> str:
        return "products"

    async def find(self, product_id: int) -> Product | None:
        return await self.db.get(Product, product_id)

    async def titles(self) -> list[str]:
        return list(await self.db.scalars(select(Product.title).order_by(Product.id)))

    async def add(self, title: str) -> Product:
        product = Product(title=title)
        self.db.add(product)
        await self.db.commit()
        await self.db.refresh(product)
        return product
