from sqlalchemy.orm import Session

from app.models import Address, User


def users(db: Session):
    return db.query(User).all()


def user_ids(db: Session):
    # A single column still gives rows: callers index them (row[0], row.id).
    return db.query(User.id).all()


def pairs(db: Session):
    return db.query(User, Address).filter(User.id == Address.user_id).all()


def names(db: Session):
    return [row.name for row in db.query(User.name).filter(User.active).all()]
