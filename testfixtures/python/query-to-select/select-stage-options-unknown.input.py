from sqlalchemy.orm import Load, Session, joinedload, selectinload
from sqlalchemy.orm import defer as deferred

from app.caching import FromCache, build_options
from app.models import Address, User

ONE = selectinload(User.addresses)


def user_loaders():
    return [selectinload(User.addresses)]


def address_loader(deep: bool):
    if deep:
        return joinedload(User.addresses).joinedload(Address.user)
    return selectinload(User.addresses)


def from_parameter(db: Session, opts):
    # A list here worked on Query (it flattened lists); Select.options raises ArgumentError on one.
    return db.query(User).options(opts).all()


def from_call(db: Session):
    return db.query(User).options(build_options()).all()


def from_list_function(db: Session):
    return db.query(User).options(user_loaders()).all()


def from_attribute(db: Session, repo):
    return db.query(User).options(repo.loaders).filter(User.id > 0).first()


def rebound(db: Session, deep: bool):
    opt = selectinload(User.addresses)
    if deep:
        opt = [selectinload(User.addresses), deferred(User.bio)]
    return db.query(User).options(opt).all()


class Repo:
    def __init__(self, loaders):
        self.loaders = loaders

    def listed(self, db: Session):
        return db.query(User).options(self.loaders).all()


# Provably one option: converted.
def module_option(db: Session):
    return db.query(User).options(ONE).all()


def local_option(db: Session):
    opt = Load(User).selectinload(User.addresses)
    return db.query(User).options(opt).all()


def cached(db: Session):
    return db.query(User).options(FromCache("default"), deferred(User.bio)).all()


def helper_option(db: Session, deep: bool):
    return db.query(User).options(address_loader(deep)).all()


def aliased_loader(db: Session):
    return db.query(User).options(deferred(User.bio).undefer(User.name)).all()
