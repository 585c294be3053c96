from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import User


def ids(db: Session):
    return db.execute(select(User.id)).all()


def total(db: Session):
    return db.execute(select(User).where(User.active).with_only_columns(func.count(User.id))).scalar_one_or_none()
