from sqlalchemy.orm import Session

from app.models import Address, User
from sqlalchemy import select


def users(db: Session):
    return db.scalars(select(User)).all()


def user_ids(db: Session):
    # A single column still gives rows: callers index them (row[0], row.id).
    return db.execute(select(User.id)).all()


def pairs(db: Session):
    return db.execute(select(User, Address).where(User.id == Address.user_id)).all()


def names(db: Session):
    return [row.name for row in db.execute(select(User.name).where(User.active)).all()]
