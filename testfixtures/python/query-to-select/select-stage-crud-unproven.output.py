from typing import Any, Optional, Type

from sqlalchemy.orm import Session

from app.crud.base import CRUDBase
from app.models import Item, User
from app.tables import items_table


class LooseRepository:
    # Nothing says `model` is a class: it could be a Table, a column, an aliased() object.
    def __init__(self, model):
        self.model = model

    def get(self, db: Session, id: int):
        return db.query(self.model).filter(self.model.id == id).first()

    def ids(self, db: Session):
        return db.query(self.model.id).all()


class AnyRepository:
    def __init__(self, model: Type[Any]):
        self.model = model

    def all(self, db: Session):
        return db.query(self.model).all()


class SwappedRepository:
    def __init__(self, model: Type[User]):
        self.model = model

    def use_table(self, table):
        self.model = table

    def all(self, db: Session):
        return db.query(self.model).all()


class TableRepository:
    def __init__(self, model: Type[Item]):
        self.model = model

    def all(self, db: Session):
        return db.query(self.model).all()


class AuditedRepository:
    def __init__(self, model: Type[User]):
        self.model = model

    def all(self, db: Session):
        return db.query(self.model).all()


class RawAudit(AuditedRepository):
    def __init__(self, table):
        self.model = table


class NamedRepository:
    def __init__(self, model: Type[User]):
        self.model = model

    def all(self, db: Session):
        return db.query(self.model).all()


class DynamicRepository(NamedRepository):
    def __init__(self, model):
        super().__init__(model)


class CRUDItem(CRUDBase[Item]):
    # `self.model` is set by a base class in another module.
    def by_owner(self, db: Session, owner_id: int):
        return db.query(self.model).filter(self.model.owner_id == owner_id).all()


class Reports:
    @property
    def model(self):
        return User

    def all(self, db: Session):
        return db.query(self.model).all()


class Lookup:
    model = None

    def all(self, db: Session):
        return db.query(self.model).all()


class Named:
    def __init__(self, model: Type[User]):
        self.model = model


class Labelled:
    def __init__(self, label: str):
        self.label = label


class Both(Named, Labelled):
    # Which __init__ runs for Both(...) depends on the MRO and cooperative super() calls.
    def all(self, db: Session):
        return db.query(self.model).all()


both = Both(User)


class Static:
    model = User

    @staticmethod
    def all(self, db: Session):
        return db.query(self.model).all()


def maybe(db: Session, model: Optional[Type[User]]):
    return db.query(model).all()


def rebound(db: Session, model: Type[User]):
    model = model.__table__
    return db.query(model).all()


def untyped(db: Session, model):
    return db.query(model).all()


tables = TableRepository(items_table)
