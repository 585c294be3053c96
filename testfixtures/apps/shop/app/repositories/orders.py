from typing import List, Optional, Tuple

from fastapi import Depends
from sqlalchemy.orm import Session, joinedload, selectinload

from app.database import get_db
from app.models import Order, OrderItem, Product


class OrderRepository:
    def __init__(self, db: Session = Depends(get_db)) -> None:
        self.db = db

    def create(self, customer_email: str) -> Order:
        order = Order(customer_email=customer_email, status="placed")
        self.db.add(order)
        self.db.flush()
        return order

    def add_item(self, order: Order, product: Product, quantity: int) -> OrderItem:
        item = OrderItem(order=order, product=product, quantity=quantity, unit_price_cents=product.price_cents)
        self.db.add(item)
        self.db.flush()
        return item

    def get_with_items(self, order_id: int) -> Optional[Order]:
        return (
            self.db.query(Order)
            .options(joinedload(Order.items).joinedload(OrderItem.product))
            .filter(Order.id == order_id)
            .first()
        )

    def list_for_customer(self, customer_email: str, *, limit: int, offset: int) -> Tuple[int, List[Order]]:
        query = self.db.query(Order).filter(Order.customer_email == customer_email)
        total = query.count()
        orders = (
            query.options(selectinload(Order.items).selectinload(OrderItem.product))
            .order_by(Order.id.desc())
            .offset(offset)
            .limit(limit)
            .all()
        )
        return total, orders

    def count_for_product(self, product_id: int) -> int:
        return self.db.query(OrderItem).filter(OrderItem.product_id == product_id).count()
