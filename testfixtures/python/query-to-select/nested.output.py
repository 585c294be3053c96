from sqlalchemy.orm import Session

from app.models import Address, User
from sqlalchemy import select


def with_inner_query(db: Session):
    return db.query(User).filter(User.id.in_(db.query(Address.user_id))).all()


def with_inner_scalar(db: Session):
    return (await db.scalars(select(User).where(User.id == (await db.execute(select(Address.user_id).where(Address.id == 1))).scalar_one_or_none()))).unique().all()
