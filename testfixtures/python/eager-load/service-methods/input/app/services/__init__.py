from typing import Sequence

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db
from app.models import Product
from app.repositories import ProductRepository, TagRepository


class CatalogService:
    def __init__(self, db: AsyncSession = Depends(get_async_db), products: ProductRepository = Depends(), tags: TagRepository = Depends()) -> None:
        self.db = db
        self.products = products
        self.tags = tags

    async def get_product(self, product_id: int) -> Product:
        return await self.products.get(product_id)

    async def set_tags(self, product_id: int, names: Sequence[str]) -> Product:
        product = await self.products.get(product_id)
        product.tags = await self.tags.get_or_create_many(names)
        await self.db.commit()
        return product

    async def tag_names(self, product_id: int) -> list:
        product = await self.get_product(product_id)
        return [tag.name for tag in product.tags]

    async def settings(self) -> dict:
        config = await load_config()
        return dict(config.items)

    async def search(self, **filters: object) -> dict:
        found = await self.products.search(**filters)
        # A method call named like a relationship is no relationship read.
        return {key: value for key, value in found.items()}
