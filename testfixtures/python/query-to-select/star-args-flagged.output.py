from sqlalchemy.orm import Session

from app.models import Address, User


def columns(db: Session, cols: list):
    # One entity in the list: objects; anything else: rows. Only known at run time.
    return db.query(*cols).all()


def user_and_more(db: Session, extra: list):
    return db.query(User, *extra).all()


def join_path(db: Session, path: list):
    # 1.4's Query.join read several targets as a join path; Select.join takes a target and an ON clause.
    return db.query(User).join(*path).all()


def filter_by_after_join(db: Session, **fields):
    return db.query(User).join(User.addresses).filter_by(**fields).all()


def distinct_ordering(db: Session, ordering: list):
    return db.query(User).distinct().order_by(*ordering).all()


def chosen_columns(db: Session, cols: list):
    return db.query(User).with_entities(*cols).all()


def purge_all_or_some(db: Session, conds: list):
    q = db.query(Address).filter(*conds)
    return q.delete()


def windowed(db: Session, window: tuple):
    return db.query(User).limit(*window).all()
