from typing import Optional

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Order


class OrderRepository:
    def __init__(self, db: AsyncSession) -> None:
        self.db = db

    async def create(self) -> Order:
        order = Order()
        self.db.add(order)
        await self.db.flush()
        return order

    async def get(self, order_id: int) -> Optional[Order]:
        return await self.db.get(Order, order_id)
