from sqlalchemy.orm import Session

from app.mixins import CountingMixin, DescribeMixin, ReadOnlyMixin, SoftDeleteMixin
from app.models import User


class BaseRepo:
    def __init__(self, db: Session):
        self.db = db

    def get(self, id: int):
        return self.db.query(User).filter(User.id == id).first()

    def save(self, obj):
        self.db.add(obj)
        self.db.commit()

    def rename(self, id: int, email: str):
        user = self.get(id)
        user.email = email
        self.save(user)
        return user


class UserRepo(SoftDeleteMixin, DescribeMixin, BaseRepo):
    pass


class CountedRepo(CountingMixin, BaseRepo):
    pass


class ReadOnlyRepo(ReadOnlyMixin, BaseRepo):
    pass
