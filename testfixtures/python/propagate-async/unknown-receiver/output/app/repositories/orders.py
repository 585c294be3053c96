from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Order


class OrderRepository:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def find(self, order_id: int):
        return await self.db.get(Order, order_id)

    async def get(self, order_id: int):
        return await self.db.get(Order, order_id)

    async def delete(self, order: Order):
        await self.db.delete(order)
