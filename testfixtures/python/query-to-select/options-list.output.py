from sqlalchemy.orm import Session, defer, joinedload, selectinload

from app.models import Address, User
from sqlalchemy import select

LOADERS = [selectinload(User.addresses)]


def module_list(db: Session):
    return (await db.scalars(select(User).options(*LOADERS))).unique().all()


def local_list(db: Session, full: bool):
    opts = [joinedload(User.addresses)]
    if full:
        opts += [defer(User.bio)]
    return (await db.scalars(select(User).options(*opts).order_by(User.id))).unique().all()


def written_out(db: Session):
    return (await db.scalars(select(User).options(*[selectinload(User.addresses), defer(User.bio)]))).unique().all()


def parameter(db: Session, opts):
    # Only known at run time: a list here would need `*opts` (Select.options does not flatten lists): flagged.
    return db.query(User).options(opts).all()


def shadowed(db: Session):
    LOADERS = selectinload(User.addresses)
    return (await db.scalars(select(User).options(LOADERS))).unique().all()


class Repo:
    loaders = [selectinload(User.addresses)]

    def listed(self, db: Session):
        return (await db.scalars(select(User).options(*self.loaders))).unique().all()
