from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import func, select


def total(db: Session):
    return db.scalar(select(func.count()).select_from(User))


def active(db: Session):
    return db.scalar(select(func.count()).select_from(select(User).where(User.active).subquery()))


def joined(db: Session):
    return db.scalar(select(func.count()).select_from(select(User).join(User.addresses).subquery()))


def has_any(db: Session):
    return db.scalar(select(func.count()).select_from(User)) > 0


def columns(db: Session):
    return db.scalar(select(func.count()).select_from(select(User.name).distinct().subquery()))
