from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Product


class Catalog:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def add(self, title: str) -> Product:
        product = Product(title=title)
        self.db.add(product)
        await self.db.commit()
        return product


class Labeller:
    def __init__(self, db):
        self.db = db

    def label(self, title: str) -> str:
        return title.upper()
