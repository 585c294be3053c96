from sqlalchemy.orm import Session

from app.models import Address, User
from sqlalchemy import select


def distinct_entities(db: Session):
    return (await db.scalars(select(User).join(User.addresses).distinct().order_by(User.name.desc()))).unique().all()


def distinct_columns(db: Session):
    return (await db.execute(select(User.name).distinct().order_by(User.name))).all()


def distinct_order_not_selected(db: Session):
    return db.query(User.name).join(User.addresses).distinct().order_by(Address.email).all()


def distinct_no_order(db: Session):
    return (await db.execute(select(Address.email).distinct())).all()
