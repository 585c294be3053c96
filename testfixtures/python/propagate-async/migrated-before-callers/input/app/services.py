import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from app import repo


class Catalog:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def find(self, item_id: int):
        return await repo.get_item(self.db, item_id)


async def fetch_rates() -> dict:
    async with httpx.AsyncClient() as client:
        return (await client.get("https://rates.invalid")).json()
