from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import select


def get_user(db: Session, user_id: int):
    return db.scalar(select(User).where(User.id == user_id).limit(1))


def get_user_name(db: Session, user_id: int):
    return db.scalar(select(User).where(User.id == user_id).limit(1)).name


def first_row(db: Session):
    return db.execute(select(User.id, User.name).order_by(User.name).limit(1)).first()


def newest(db: Session):
    user = db.scalar(select(User).order_by(User.created_at.desc()).limit(5).limit(1))
    if not db.scalar(select(User).limit(1)):
        return None
    return user
