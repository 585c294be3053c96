from typing import List, Tuple

from fastapi import Depends
from sqlalchemy import func
from sqlalchemy.orm import Session

from app.database import get_db
from app.models import Order, OrderItem, Product


class ReportRepository:
    def __init__(self, db: Session = Depends(get_db)) -> None:
        self.db = db

    def revenue_by_customer(self) -> List[Tuple[str, int]]:
        revenue = func.sum(OrderItem.quantity * OrderItem.unit_price_cents)
        return (
            self.db.query(Order.customer_email, revenue)
            .join(Order.items)
            .filter(Order.status == "placed")
            .group_by(Order.customer_email)
            .order_by(revenue.desc(), Order.customer_email)
            .all()
        )

    # Needs manual conversion (QUERY-SUBQUERY): the units subquery is built from a legacy Query. The
    # ignore comments keep awaitify away from the whole function; see README.md.
    def best_sellers(self, limit: int) -> List[Tuple[Product, int]]:  # awaitify: ignore
        units_sold = (  # awaitify: ignore
            self.db.query(OrderItem.product_id, func.sum(OrderItem.quantity).label("units"))  # awaitify: ignore
            .join(OrderItem.order)  # awaitify: ignore
            .filter(Order.status == "placed")  # awaitify: ignore
            .group_by(OrderItem.product_id)  # awaitify: ignore
            .subquery()  # awaitify: ignore
        )  # awaitify: ignore
        return (  # awaitify: ignore
            self.db.query(Product, units_sold.c.units)  # awaitify: ignore
            .join(units_sold, units_sold.c.product_id == Product.id)  # awaitify: ignore
            .order_by(units_sold.c.units.desc(), Product.id)  # awaitify: ignore
            .limit(limit)  # awaitify: ignore
            .all()  # awaitify: ignore
        )  # awaitify: ignore
