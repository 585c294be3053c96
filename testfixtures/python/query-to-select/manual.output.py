from sqlalchemy.orm import Session

from app.models import Address, User


def from_self(db: Session):
    return db.query(User).filter(User.active).from_self().all()


def entity_from(db: Session, sq):
    return db.query(User).select_entity_from(sq).all()


def parent(db: Session, user):
    return db.query(Address).with_parent(user).all()


def streamed(db: Session):
    return db.query(User).yield_per(100).all()


def values(db: Session):
    return list(db.query(User).values(User.id))


def statement(db: Session, stmt):
    return db.query(User).from_statement(stmt).all()


def subquery(db: Session):
    sq = db.query(Address.user_id).filter(Address.email.like("%x")).subquery()
    return db.query(User).filter(User.id.in_(sq)).all()


def union(db: Session):
    return db.query(User).filter(User.active).union(db.query(User).filter(User.admin)).all()


def unknown_method(db: Session):
    return db.query(User).populate_existing().all()


def unknown_selection(db: Session, table):
    return db.query(table).all()
