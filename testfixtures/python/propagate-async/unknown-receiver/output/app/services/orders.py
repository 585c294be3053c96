import os

from app.repositories.orders import OrderRepository


class OrderService:
    def __init__(self, repo: OrderRepository):
        self.repo = repo

    async def find(self, order_id: int):
        return await self.repo.find(order_id)


class AuditLog:
    """A project class with a `find` that stays sync."""

    def __init__(self):
        self.entries = {}

    def find(self, key: str):
        return self.entries.get(key)


async def find_order(repo: OrderRepository, order_id: int):
    return await repo.find(order_id)


if os.environ.get("STRICT_TOTALS"):
    async def count_orders(repo: OrderRepository):
        return await repo.get(0)
else:
    async def count_orders(repo: OrderRepository):
        return await repo.get(1)


def total_now(repo: OrderRepository):
    return count_orders(repo)
