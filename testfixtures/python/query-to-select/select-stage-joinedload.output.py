from sqlalchemy.orm import Session, joinedload, selectinload

from app.models import Address, User
from sqlalchemy import select


def users_with_addresses(db: Session):
    return db.scalars(select(User).options(joinedload(User.addresses))).unique().all()


def one_user(db: Session, user_id: int):
    return db.execute(select(User).options(joinedload(User.addresses)).where(User.id == user_id)).unique().scalar_one()


def maybe_user(db: Session, user_id: int):
    return db.execute(select(User).options(joinedload(User.addresses)).where(User.id == user_id)).unique().scalar_one_or_none()


def first_user(db: Session):
    return db.scalar(select(User).options(joinedload(User.addresses)).limit(1))


def selectin(db: Session):
    return db.scalars(select(User).options(selectinload(User.addresses))).all()


def implicit_join(db: Session):
    # Criteria on another class put its table in FROM: legacy Query de-duplicated the users.
    return db.scalars(select(User).where(User.id == Address.user_id)).unique().all()
