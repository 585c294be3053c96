"""Order reports."""
from sqlalchemy import ForeignKey, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship
from sqlalchemy.orm import selectinload as sl


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    orders: Mapped[list["Order"]] = relationship(back_populates="customer")


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    customer: Mapped[Customer] = relationship(back_populates="orders")
    lines: Mapped[list["Line"]] = relationship()


class Line(Base):
    __tablename__ = "lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    qty: Mapped[int]


def report(db: Session, customer_id: int):
    # insert-await wrote the await; a later transform makes this `async def`
    customer = await db.scalar(select(Customer).options(sl(Customer.orders).selectinload(Order.lines)).options(sl(Customer.orders)).where(Customer.id == customer_id))
    total = 0
    for order in customer.orders:
        total += sum(line.qty for line in order.lines)
    return total


def sync_report(db: Session, customer_id: int):
    customer = db.scalar(select(Customer).where(Customer.id == customer_id))
    return [len(o.lines) for o in customer.orders]
