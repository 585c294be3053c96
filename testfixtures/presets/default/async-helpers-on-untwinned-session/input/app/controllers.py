from sqlalchemy.orm import Session

from .models import Order
from .repository import OrderRepository


class BaseController:
    def __init__(self, repository: OrderRepository) -> None:
        self.repository = repository

    async def list(self, db: Session) -> list[Order]:
        return await self.repository.all(db)

    async def count(self, db: Session) -> int:
        return await self.repository.count(db)


class OrderController(BaseController):
    async def create(self, db: Session, total: int) -> Order:
        order = await self.repository.add(db, total)
        db.commit()
        db.refresh(order)
        return order

    async def count(self, db: Session) -> int:
        return await self.repository.count(db) or 0


orders = OrderController(OrderRepository())
