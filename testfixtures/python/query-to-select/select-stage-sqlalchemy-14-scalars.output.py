from sqlalchemy.orm import Session, joinedload

from app.models import Address, User
from sqlalchemy import select


def users(db: Session):
    return db.execute(select(User)).scalars().all()


def active_users(db: Session, skip: int, limit: int):
    return db.execute(select(User).where(User.active).offset(skip).limit(limit)).scalars().all()


def users_with_addresses(db: Session):
    # A joined collection needs unique(), on the scalars as on 2.0.
    return db.execute(select(User).options(joinedload(User.addresses))).scalars().unique().all()


def emails(db: Session):
    return [u.email for u in db.execute(select(User).where(User.active)).scalars()]


def first_user(db: Session):
    # One object: Session.scalar() is in every 1.4.
    return db.scalar(select(User).limit(1))


def pairs(db: Session):
    return db.execute(select(User, Address).where(User.id == Address.user_id)).all()
