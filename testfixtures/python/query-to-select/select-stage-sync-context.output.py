from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import func, select


class Report:
    def __init__(self, db: Session):
        self.db = db
        self.total = self.db.scalar(select(func.count()).select_from(User))

    @property
    def first(self):
        return self.db.scalar(select(User).limit(1))

    def names(self):
        return sorted(self.db.scalars(select(User)).all(), key=lambda u: u.name)


def callbacks(db: Session):
    loader = lambda: db.scalars(select(User)).all()
    ages = sum(u.age for u in db.scalars(select(User)).all())
    return loader, ages
