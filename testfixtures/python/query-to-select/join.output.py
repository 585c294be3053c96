from sqlalchemy.orm import Session, aliased

from app.models import Address, Order, User
from sqlalchemy import select


def relationship_join(db: Session):
    return (await db.scalars(select(User).join(User.addresses).where(Address.email.like("%@x.org")))).unique().all()


def outer(db: Session):
    return (await db.execute(select(User, Address).outerjoin(Address, User.id == Address.user_id))).unique().all()


def full(db: Session):
    return (await db.execute(select(User.name, Order.total).join(Order, User.id == Order.user_id, isouter=True))).all()


def string_target(db: Session):
    return db.query(User).join("addresses").all()


def aliased_flag(db: Session):
    return db.query(User).join(User.addresses, aliased=True).filter(Address.email == "a").all()


def join_path(db: Session):
    return db.query(User).join(User.orders, Order.items).all()


def with_alias(db: Session):
    other = aliased(Address)
    return (await db.scalars(select(User).join(other, User.addresses).where(other.email == "x"))).unique().all()
