from sqlalchemy import case, cast, func, literal_column, select, Integer
from sqlalchemy.orm import Session, aliased

from app.models import Address, Item, User


def totals(db: Session):
    total = func.sum(Item.price)
    return db.query(Item.owner_id, total).group_by(Item.owner_id).all()


def only_total(db: Session):
    total = func.sum(Item.price)
    return db.query(total).filter(Item.active).all()


def labelled(db: Session):
    revenue = func.sum(Item.quantity * Item.price).label("revenue")
    ranked = revenue
    return db.query(User.email, ranked).join(User.items).group_by(User.email).order_by(revenue.desc()).all()


def with_entity(db: Session):
    n = func.count(Address.id)
    return db.query(User, n).outerjoin(User.addresses).group_by(User.id).all()


def expressions(db: Session):
    doubled = Item.price * 2
    negated = -Item.price
    as_int = cast(Item.price, Integer)
    flag = case((Item.price > 100, "high"), else_="low")
    raw = literal_column("1")
    return db.query(doubled, negated, as_int, flag, raw).first()


def aliased_columns(db: Session):
    owner = aliased(User)
    name = owner.name.label("owner_name")
    return db.query(Item.id, name).join(owner, Item.owner).all()


def built_query(db: Session, active: bool):
    total = func.sum(Item.price)
    q = db.query(Item.owner_id, total)
    if active:
        q = q.filter(Item.active)
    return q.group_by(Item.owner_id).all()


def added(db: Session):
    n = func.count(Item.id)
    return db.query(User).outerjoin(User.items).group_by(User.id).add_columns(n).all()


def inline_arithmetic(db: Session):
    return db.query(Item.id, Item.price * Item.quantity).all()


def closure(db: Session):
    total = func.sum(Item.price)

    def run():
        return db.query(Item.owner_id, total).group_by(Item.owner_id).all()

    return run()
