from sqlalchemy import case, cast, func, literal_column, select, Integer
from sqlalchemy.orm import Session, aliased

from app.models import Address, Item, User


def totals(db: Session):
    total = func.sum(Item.price)
    return (await db.execute(select(Item.owner_id, total).group_by(Item.owner_id))).all()


def only_total(db: Session):
    total = func.sum(Item.price)
    return (await db.execute(select(total).where(Item.active))).all()


def labelled(db: Session):
    revenue = func.sum(Item.quantity * Item.price).label("revenue")
    ranked = revenue
    return (await db.execute(select(User.email, ranked).join(User.items).group_by(User.email).order_by(revenue.desc()))).all()


def with_entity(db: Session):
    n = func.count(Address.id)
    return (await db.execute(select(User, n).outerjoin(User.addresses).group_by(User.id))).unique().all()


def expressions(db: Session):
    doubled = Item.price * 2
    negated = -Item.price
    as_int = cast(Item.price, Integer)
    flag = case((Item.price > 100, "high"), else_="low")
    raw = literal_column("1")
    return (await db.execute(select(doubled, negated, as_int, flag, raw).limit(1))).first()


def aliased_columns(db: Session):
    owner = aliased(User)
    name = owner.name.label("owner_name")
    return (await db.execute(select(Item.id, name).join(owner, Item.owner))).all()


def built_query(db: Session, active: bool):
    total = func.sum(Item.price)
    q = select(Item.owner_id, total)
    if active:
        q = q.where(Item.active)
    return (await db.execute(q.group_by(Item.owner_id))).all()


def added(db: Session):
    n = func.count(Item.id)
    return (await db.execute(select(User).outerjoin(User.items).group_by(User.id).add_columns(n))).unique().all()


def inline_arithmetic(db: Session):
    return (await db.execute(select(Item.id, Item.price * Item.quantity))).all()


def closure(db: Session):
    total = func.sum(Item.price)

    def run():
        return (await db.execute(select(Item.owner_id, total).group_by(Item.owner_id))).all()

    return run()
