from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Address, Item, User


def subquery_columns(db: Session):
    latest = select(Address.user_id, func.max(Address.id).label("last_id")).group_by(Address.user_id).subquery("latest")
    return db.query(User.email, latest.c.last_id).filter(User.id == latest.c.user_id).all()


def table_columns(db: Session):
    items = Item.__table__.alias("i")
    price = items.columns.price
    return db.query(items.c.id, price, items.c["name"]).filter(items.c.price > 10).all()


def legacy_subquery(db: Session):
    latest = db.query(Address.user_id, func.max(Address.id).label("last_id")).group_by(Address.user_id).subquery()
    return db.query(User.email, latest.c.last_id).filter(User.id == latest.c.user_id).all()


def legacy_subquery_through_local(db: Session):
    q = db.query(Address.user_id, func.count(Address.id).label("n")).group_by(Address.user_id)
    counts = q.subquery()
    n = counts.c.n
    return db.query(User.email, n).filter(User.id == counts.c.user_id).all()


def result_of_query_is_a_value(db: Session):
    top = db.query(func.max(Item.price)).scalar()
    return db.query(Item.id, func.round(Item.price * 100 / top)).all()
