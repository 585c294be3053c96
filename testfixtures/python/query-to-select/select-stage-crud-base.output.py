import typing
from typing import Any, Generic, List, Optional, Type, TypeVar

from sqlalchemy.orm import Session

from app.db.base_class import Base
from app.models import Item, User
from sqlalchemy import func, select

ModelType = TypeVar("ModelType", bound=Base)
T = TypeVar("T")


class CRUDBase(Generic[ModelType]):
    def __init__(self, model: Type[ModelType]):
        self.model = model

    def get(self, db: Session, id: Any) -> Optional[ModelType]:
        return db.scalar(select(self.model).where(self.model.id == id).limit(1))

    def get_multi(self, db: Session, *, skip: int = 0, limit: int = 100) -> List[ModelType]:
        return db.scalars(select(self.model).order_by(self.model.id.desc()).offset(skip).limit(limit)).all()

    def count(self, db: Session) -> int:
        return db.scalar(select(func.count()).select_from(self.model))

    def ids(self, db: Session):
        return db.execute(select(self.model.id)).all()

    def remove(self, db: Session, *, id: Any) -> Optional[ModelType]:
        obj = db.get(self.model, id)
        db.delete(obj)
        return obj


class Repository(Generic[T]):
    """An unbound TypeVar used as `type[T]` still only admits classes."""

    def __init__(self, model: type[T], label: str = ""):
        self.model = model
        self.label = label

    def names(self, db: Session):
        return db.scalars(select(self.model).where(self.model.name.isnot(None))).all()


class UserRepository:
    model = User

    def active(self, db: Session):
        return db.scalars(select(self.model).filter_by(active=True)).all()


class ItemRepository:
    model: Type[Item]

    def first(self, db: Session):
        return db.scalar(select(self.model).order_by(self.model.id).limit(1))


class AnnotatedStore:
    def __init__(self, model):
        self.model: Type[User] = model

    def newest(self, db: Session):
        return db.scalars(select(self.model).order_by(self.model.id).limit(10)).all()


def get_by_id(db: Session, model: Type[ModelType], id: int) -> Optional[ModelType]:
    return db.get(model, id)


def all_of(db: Session, model: typing.Type[User]):
    return db.scalars(select(model).where(model.name == "x")).all()


users = CRUDBase(User)
items = Repository(model=Item)
