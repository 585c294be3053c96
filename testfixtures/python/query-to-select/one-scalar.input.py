from sqlalchemy import func
from sqlalchemy.orm import Session

from app.models import User


def exactly_one(db: Session, email: str):
    return db.query(User).filter(User.email == email).one()


def at_most_one(db: Session, email: str):
    return db.query(User).filter(User.email == email).one_or_none()


def one_row(db: Session, user_id: int):
    return db.query(User.id, User.name).filter(User.id == user_id).one()


def maybe_row(db: Session, user_id: int):
    return db.query(User.id, User.name).filter(User.id == user_id).one_or_none()


def scalar_entity(db: Session, email: str):
    return db.query(User).filter(User.email == email).scalar()


def max_id(db: Session):
    return db.query(func.max(User.id)).scalar()
