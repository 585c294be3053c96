from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from app.models import Address, User


def search(db: Session, name: str | None, active: bool | None):
    conds = []
    if name:
        conds.append(User.name == name)
    if active is not None:
        conds.append(User.active == active)
    return (await db.scalars(select(User).where(*conds).order_by(User.id))).unique().all()


def first_match(db: Session, conds: list):
    return await db.scalar(select(User).where(User.active, *conds).limit(1))


def by_fields(db: Session, **fields):
    return (await db.execute(select(User).filter_by(**fields))).scalar_one_or_none()


def loaded(db: Session, loaders: list):
    return (await db.scalars(select(User).options(*loaders).order_by(User.id))).unique().all()


def default_loaders(db: Session):
    return (await db.scalars(select(User).options(*[selectinload(User.addresses)]))).unique().all()


def sorted_names(db: Session, ordering: list, grouping: list, having: list):
    return (await db.execute(select(User.name, func.count(User.id)).group_by(*grouping).having(*having).order_by(*ordering))).all()


def counted(db: Session, conds: list):
    return await db.scalar(select(func.count()).select_from(select(User).where(*conds).subquery()))


def built(db: Session, conds: list, ordering: list):
    q = select(User)
    if conds:
        q = q.where(*conds)
    q = q.order_by(*ordering)
    return (await db.scalars(q)).unique().all()


def purge(db: Session, conds: list):
    return (await db.execute(delete(Address).where(*conds).execution_options(synchronize_session=False))).rowcount


def rows_by(db: Session, conds: list):
    return (await db.execute(select(User.id, User.name).where(*conds))).all()
