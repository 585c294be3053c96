from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Customer, Order


def create_customer(db: Session, email: str, name: str) -> Customer:
    customer = Customer(email=email, name=name)
    db.add(customer)
    db.commit()
    db.refresh(customer)
    return customer


def get_customer_by_email(db: Session, email: str) -> Customer | None:
    return db.execute(select(Customer).where(Customer.email == email)).scalar_one_or_none()


def create_order(db: Session, customer: Customer, total: int) -> Order:
    order = Order(customer_id=customer.id, total=total)
    db.add(order)
    db.commit()
    return order
