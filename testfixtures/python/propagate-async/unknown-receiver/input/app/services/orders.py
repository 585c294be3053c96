import os

from app.repositories.orders import OrderRepository


class OrderService:
    def __init__(self, repo: OrderRepository):
        self.repo = repo

    def find(self, order_id: int):
        return self.repo.find(order_id)


class AuditLog:
    """A project class with a `find` that stays sync."""

    def __init__(self):
        self.entries = {}

    def find(self, key: str):
        return self.entries.get(key)


def find_order(repo: OrderRepository, order_id: int):
    return repo.find(order_id)


if os.environ.get("STRICT_TOTALS"):
    def count_orders(repo: OrderRepository):
        return repo.get(0)
else:
    def count_orders(repo: OrderRepository):
        return repo.get(1)


def total_now(repo: OrderRepository):
    return count_orders(repo)
