from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import User


def exactly_one(db: Session, email: str):
    return db.execute(select(User).where(User.email == email)).scalar_one()


def at_most_one(db: Session, email: str):
    return db.execute(select(User).where(User.email == email)).scalar_one_or_none()


def one_row(db: Session, user_id: int):
    return db.execute(select(User.id, User.name).where(User.id == user_id)).one()


def maybe_row(db: Session, user_id: int):
    return db.execute(select(User.id, User.name).where(User.id == user_id)).one_or_none()


def scalar_entity(db: Session, email: str):
    return db.execute(select(User).where(User.email == email)).scalar_one_or_none()


def max_id(db: Session):
    return db.execute(select(func.max(User.id))).scalar_one_or_none()
