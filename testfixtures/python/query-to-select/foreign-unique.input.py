from sqlalchemy.orm import Session

from app.models import Address, Role, User


def enum_criteria(db: Session):
    # Role.ADMIN looks like another class: `.unique()` is added, which is harmless for entity results.
    return db.query(User).filter(User.role == Role.ADMIN).all()


def columns_with_join(db: Session):
    # Column results were never de-duplicated by Query: no `.unique()`.
    return db.query(User.name).join(User.addresses).all()


def select_from(db: Session):
    return db.query(User).select_from(Address).join(Address.user).all()
