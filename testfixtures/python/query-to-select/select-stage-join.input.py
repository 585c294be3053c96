from sqlalchemy.orm import Session, aliased

from app.models import Address, Order, User


def relationship_join(db: Session):
    return db.query(User).join(User.addresses).filter(Address.email.like("%@x.org")).all()


def outer(db: Session):
    return db.query(User, Address).outerjoin(Address, User.id == Address.user_id).all()


def full(db: Session):
    return db.query(User.name, Order.total).join(Order, User.id == Order.user_id, isouter=True).all()


def string_target(db: Session):
    return db.query(User).join("addresses").all()


def aliased_flag(db: Session):
    return db.query(User).join(User.addresses, aliased=True).filter(Address.email == "a").all()


def join_path(db: Session):
    return db.query(User).join(User.orders, Order.items).all()


def with_alias(db: Session):
    other = aliased(Address)
    return db.query(User).join(other, User.addresses).filter(other.email == "x").all()
