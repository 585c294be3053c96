from sqlalchemy.orm import Session, joinedload

from app.models import Address, User


def users(db: Session):
    return db.query(User).all()


def active_users(db: Session, skip: int, limit: int):
    return db.query(User).filter(User.active).offset(skip).limit(limit).all()


def users_with_addresses(db: Session):
    # A joined collection needs unique(), on the scalars as on 2.0.
    return db.query(User).options(joinedload(User.addresses)).all()


def emails(db: Session):
    return [u.email for u in db.query(User).filter(User.active)]


def first_user(db: Session):
    # One object: Session.scalar() is in every 1.4.
    return db.query(User).first()


def pairs(db: Session):
    return db.query(User, Address).filter(User.id == Address.user_id).all()
