class OrderRepository:
    def __init__(self) -> None:
        self.items: list = []

    async def add_item(self, item: str) -> str:
        self.items.append(item)
        return item

    def describe(self) -> str:
        return f"{len(self.items)} items"


class OrderService:
    def __init__(self, orders: OrderRepository) -> None:
        self.orders = orders

    async def place_order(self, *items: str) -> list:
        return [await self.orders.add_item(i) for i in items]

    async def count(self) -> int:
        return len(self.orders.items)
