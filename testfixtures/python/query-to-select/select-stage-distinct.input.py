from sqlalchemy.orm import Session

from app.models import Address, User


def distinct_entities(db: Session):
    return db.query(User).join(User.addresses).distinct().order_by(User.name.desc()).all()


def distinct_columns(db: Session):
    return db.query(User.name).distinct().order_by(User.name).all()


def distinct_order_not_selected(db: Session):
    return db.query(User.name).join(User.addresses).distinct().order_by(Address.email).all()


def distinct_no_order(db: Session):
    return db.query(Address.email).distinct().all()
