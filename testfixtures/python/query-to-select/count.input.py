from sqlalchemy.orm import Session

from app.models import User


def total(db: Session):
    return db.query(User).count()


def active(db: Session):
    return db.query(User).filter(User.active).count()


def joined(db: Session):
    return db.query(User).join(User.addresses).count()


def has_any(db: Session):
    return db.query(User).count() > 0


def columns(db: Session):
    return db.query(User.name).distinct().count()
