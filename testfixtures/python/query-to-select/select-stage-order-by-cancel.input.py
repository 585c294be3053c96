from sqlalchemy import func
from sqlalchemy.orm import Session

from app.models import Address, User


def cancel_false(db: Session):
    # Legacy Query read a lone False as "cancel the ordering"; Select renders ORDER BY ..., false.
    return db.query(User).order_by(User.name).order_by(False).all()


def cancel_none(db: Session):
    return db.query(User).order_by(User.name).order_by(None).order_by(User.id).all()


def cancel_then_distinct(db: Session):
    return db.query(User).distinct().order_by(Address.email).order_by(False).all()


def group_cancel(db: Session):
    return db.query(Address.kind, func.count(Address.id)).group_by(Address.kind).group_by(False).all()


def group_cancel_none(db: Session):
    return db.query(func.count(Address.id)).group_by(Address.user_id).group_by(None).all()


# Not a cancel: False/None among other arguments are SQL values on both.
def among_others(db: Session):
    return db.query(User).order_by(User.name, False).all()
