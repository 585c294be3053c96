from sqlalchemy.orm import Session, defer, joinedload, selectinload

from app.models import Address, User

LOADERS = [selectinload(User.addresses)]


def module_list(db: Session):
    return db.query(User).options(LOADERS).all()


def local_list(db: Session, full: bool):
    opts = [joinedload(User.addresses)]
    if full:
        opts += [defer(User.bio)]
    return db.query(User).options(opts).order_by(User.id).all()


def written_out(db: Session):
    return db.query(User).options([selectinload(User.addresses), defer(User.bio)]).all()


def parameter(db: Session, opts):
    # Only known at run time: a list here would need `*opts` (Select.options does not flatten lists): flagged.
    return db.query(User).options(opts).all()


def shadowed(db: Session):
    LOADERS = selectinload(User.addresses)
    return db.query(User).options(LOADERS).all()


class Repo:
    loaders = [selectinload(User.addresses)]

    def listed(self, db: Session):
        return db.query(User).options(*self.loaders).all()
