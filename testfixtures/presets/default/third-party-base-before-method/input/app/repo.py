from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from external_cache import CacheMixin  # a library class awaitify cannot read: it may define `get`

from app.models import User

T = TypeVar("T")


class BaseRepo:
    def __init__(self, db: Session):
        self.db = db

    def get(self, id: int):
        return self.db.query(User).filter(User.id == id).first()


class CachedUserRepo(CacheMixin, BaseRepo):
    # CacheMixin comes first on the MRO: if it defines `get`, that is what `repo.get(...)` runs.
    pass


class UserRepo(BaseRepo, CacheMixin):
    # BaseRepo comes first: `get` is BaseRepo's whatever CacheMixin defines.
    pass


class TypedRepo(Generic[T], BaseRepo):
    # typing.Generic defines no methods of the project's.
    pass
