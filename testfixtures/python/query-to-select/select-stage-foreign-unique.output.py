from sqlalchemy.orm import Session

from app.models import Address, Role, User
from sqlalchemy import select


def enum_criteria(db: Session):
    # Role.ADMIN looks like another class: `.unique()` is added, which is harmless for entity results.
    return db.scalars(select(User).where(User.role == Role.ADMIN)).unique().all()


def columns_with_join(db: Session):
    # Column results were never de-duplicated by Query: no `.unique()`.
    return db.execute(select(User.name).join(User.addresses)).all()


def select_from(db: Session):
    return db.scalars(select(User).select_from(Address).join(Address.user)).unique().all()
