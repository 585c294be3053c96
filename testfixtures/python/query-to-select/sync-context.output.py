from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import select


class Report:
    def __init__(self, db: Session):
        self.db = db
        self.total = self.db.query(User).count()

    @property
    def first(self):
        return self.db.query(User).first()

    def names(self):
        return sorted((await self.db.scalars(select(User))).all(), key=lambda u: u.name)


def callbacks(db: Session):
    loader = lambda: db.query(User).all()
    ages = sum(u.age for u in db.query(User).all())
    return loader, ages
