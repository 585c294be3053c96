from sqlalchemy.orm import Session

from app.models import Address, User
from sqlalchemy import select


def by_name(db: Session, name: str):
    return db.scalars(select(User).filter_by(name=name, active=True)).all()


def by_email_join_class(db: Session, email: str):
    return db.scalars(select(User).join(Address).where(Address.email == email)).unique().all()


def by_email_join_onclause(db: Session, email: str, kind):
    return db.scalar(select(User).join(Address, Address.user_id == User.id).where(Address.email == email, Address.kind == (kind or "home")).limit(1))


def by_email_join_relationship(db: Session, email: str):
    return db.query(User).join(User.addresses).filter_by(email=email).all()


def filter_by_then_join(db: Session, name: str):
    return db.scalars(select(User).filter_by(name=name).join(User.addresses)).unique().all()
