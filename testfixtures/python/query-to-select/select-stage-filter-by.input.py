from sqlalchemy.orm import Session

from app.models import Address, User


def by_name(db: Session, name: str):
    return db.query(User).filter_by(name=name, active=True).all()


def by_email_join_class(db: Session, email: str):
    return db.query(User).join(Address).filter_by(email=email).all()


def by_email_join_onclause(db: Session, email: str, kind):
    return db.query(User).join(Address, Address.user_id == User.id).filter_by(email=email, kind=kind or "home").first()


def by_email_join_relationship(db: Session, email: str):
    return db.query(User).join(User.addresses).filter_by(email=email).all()


def filter_by_then_join(db: Session, name: str):
    return db.query(User).filter_by(name=name).join(User.addresses).all()
