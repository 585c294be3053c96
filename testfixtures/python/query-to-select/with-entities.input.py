from sqlalchemy import func
from sqlalchemy.orm import Session

from app.models import User


def ids(db: Session):
    return db.query(User).with_entities(User.id).all()


def total(db: Session):
    return db.query(User).filter(User.active).with_entities(func.count(User.id)).scalar()
