from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import Order


class OrderRepository:
    async def add(self, db: Session, total: int) -> Order:
        order = Order(total=total)
        db.add(order)
        db.flush()
        return order

    async def all(self, db: Session) -> list[Order]:
        return list(db.scalars(select(Order)).all())

    async def count(self, db: Session) -> int:
        return db.scalar(select(func.count()).select_from(Order))
