from sqlalchemy.orm import Session

from app.mixins import SoftDeleteMixin
from app.models import User


class BaseRepo:
    def __init__(self, db: Session):
        self.db = db

    def get(self, id: int):
        return self.db.query(User).filter(User.id == id).first()

    def save(self, obj):
        self.db.add(obj)
        self.db.commit()


class MemoryBase:
    def __init__(self):
        self.rows = {}

    def get(self, id: int):
        return self.rows.get(id)

    def save(self, obj):
        self.rows[obj.id] = obj


class UserRepo(SoftDeleteMixin, BaseRepo):
    pass


class MemoryRepo(SoftDeleteMixin, MemoryBase):
    pass
