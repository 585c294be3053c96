from dataclasses import dataclass
from typing import List, Sequence, Tuple

from fastapi import Depends
from sqlalchemy.orm import Session

from app import errors
from app.database import get_db
from app.models import Order
from app.repositories import OrderRepository, ProductRepository


@dataclass(frozen=True)
class OrderLine:
    product_id: int
    quantity: int


class OrderService:
    def __init__(
        self,
        db: Session = Depends(get_db),
        orders: OrderRepository = Depends(),
        products: ProductRepository = Depends(),
    ) -> None:
        self.db = db
        self.orders = orders
        self.products = products

    def place_order(self, customer_email: str, lines: Sequence[OrderLine]) -> Order:
        """All or nothing: every line's stock is taken and recorded, or none is. Each step writes to the
        database straight away (UPDATE for the stock, flushed INSERTs for the order), so a failure on a
        later line must roll back what the earlier lines already wrote."""
        if not lines:
            raise errors.EmptyOrder()
        try:
            order = self.orders.create(customer_email)
            for line in lines:
                product = self.products.get(line.product_id)
                if product is None or product.discontinued:
                    raise errors.ProductNotFound(line.product_id)
                if not self.products.reserve_stock(product.id, line.quantity):
                    raise errors.OutOfStock(product.sku, line.quantity)
                self.orders.add_item(order, product, line.quantity)
            self.db.commit()
        except Exception:
            self.db.rollback()
            raise
        return self.get_order(order.id)

    def get_order(self, order_id: int) -> Order:
        order = self.orders.get_with_items(order_id)
        if order is None:
            raise errors.OrderNotFound(order_id)
        return order

    def cancel_order(self, order_id: int) -> Order:
        order = self.get_order(order_id)
        if order.status != "placed":
            raise errors.OrderNotCancellable(order_id, order.status)
        try:
            for item in order.items:
                self.products.release_stock(item.product_id, item.quantity)
            order.status = "cancelled"
            self.db.commit()
        except Exception:
            self.db.rollback()
            raise
        return self.get_order(order_id)

    def customer_orders(self, customer_email: str, *, limit: int, offset: int) -> Tuple[int, List[Order]]:
        return self.orders.list_for_customer(customer_email, limit=limit, offset=offset)
