from typing import Protocol


class OrderLookup(Protocol):
    def find(self, order_id: int):
        """Return the order, or None."""
        ...
