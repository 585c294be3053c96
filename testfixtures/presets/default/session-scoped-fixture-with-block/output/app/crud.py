from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Customer, Order


async def create_customer(db: AsyncSession, email: str, name: str) -> Customer:
    customer = Customer(email=email, name=name)
    db.add(customer)
    await db.commit()
    await db.refresh(customer)
    return customer


async def get_customer_by_email(db: AsyncSession, email: str) -> Customer | None:
    return (await db.execute(select(Customer).where(Customer.email == email))).scalar_one_or_none()


async def create_order(db: AsyncSession, customer: Customer, total: int) -> Order:
    order = Order(customer_id=customer.id, total=total)
    db.add(order)
    await db.commit()
    return order
