from sqlalchemy.orm import Session

from app.models import Address, User


def with_inner_query(db: Session):
    return db.query(User).filter(User.id.in_(db.query(Address.user_id))).all()


def with_inner_scalar(db: Session):
    return db.query(User).filter(User.id == db.query(Address.user_id).filter(Address.id == 1).scalar()).all()
