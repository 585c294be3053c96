from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import User


def get_user(db: Session, user_id: int):
    return db.scalar(select(User).where(User.id == user_id).limit(1))


def users(db: Session):
    return db.scalars(select(User)).all()


def count(db: Session):
    return db.scalar(select(func.count()).select_from(User))


def ok(db: Session):
    return db.execute(select(User.id)).all()
