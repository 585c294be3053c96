from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Address, User


def cancel_false(db: Session):
    # Legacy Query read a lone False as "cancel the ordering"; Select renders ORDER BY ..., false.
    return (await db.scalars(select(User).order_by(User.name).order_by(None))).all()


def cancel_none(db: Session):
    return (await db.scalars(select(User).order_by(User.name).order_by(None).order_by(User.id))).all()


def cancel_then_distinct(db: Session):
    return (await db.scalars(select(User).distinct().order_by(Address.email).order_by(None))).unique().all()


def group_cancel(db: Session):
    return (await db.execute(select(Address.kind, func.count(Address.id)).group_by(Address.kind).group_by(None))).all()


def group_cancel_none(db: Session):
    return (await db.execute(select(func.count(Address.id)).group_by(Address.user_id).group_by(None))).all()


# Not a cancel: False/None among other arguments are SQL values on both.
def among_others(db: Session):
    return (await db.scalars(select(User).order_by(User.name, False))).all()
