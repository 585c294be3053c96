from sqlalchemy import func
from sqlalchemy.orm import Session, selectinload

from app.models import Address, User


def search(db: Session, name: str | None, active: bool | None):
    conds = []
    if name:
        conds.append(User.name == name)
    if active is not None:
        conds.append(User.active == active)
    return db.query(User).filter(*conds).order_by(User.id).all()


def first_match(db: Session, conds: list):
    return db.query(User).filter(User.active, *conds).first()


def by_fields(db: Session, **fields):
    return db.query(User).filter_by(**fields).one_or_none()


def loaded(db: Session, loaders: list):
    return db.query(User).options(*loaders).order_by(User.id).all()


def default_loaders(db: Session):
    return db.query(User).options(*[selectinload(User.addresses)]).all()


def sorted_names(db: Session, ordering: list, grouping: list, having: list):
    return db.query(User.name, func.count(User.id)).group_by(*grouping).having(*having).order_by(*ordering).all()


def counted(db: Session, conds: list):
    return db.query(User).filter(*conds).count()


def built(db: Session, conds: list, ordering: list):
    q = db.query(User)
    if conds:
        q = q.filter(*conds)
    q = q.order_by(*ordering)
    return q.all()


def purge(db: Session, conds: list):
    return db.query(Address).filter(*conds).delete(synchronize_session=False)


def rows_by(db: Session, conds: list):
    return db.query(User.id, User.name).filter(*conds).all()
