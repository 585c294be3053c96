from typing import Iterator

from fastapi import Depends
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Item


class UnitOfWork:
    def __init__(self, db: Session):
        self.db = db

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type:
            self.db.rollback()
        else:
            self.db.commit()


def get_uow(db: Session = Depends(get_db)) -> Iterator[Session]:
    with UnitOfWork(db):
        yield db


class ItemService:
    def __init__(self, db: Session = Depends(get_uow)):
        self.db = db

    def create(self, name: str) -> Item:
        item = Item(name=name)
        self.db.add(item)
        self.db.flush()
        return item

    def names(self) -> list[str]:
        return [i.name for i in self.db.scalars(select(Item).order_by(Item.id))]


class AuditService:
    def __init__(self, items: ItemService = Depends()):
        self.items = items

    def report(self) -> str:
        return ", ".join(self.items.names())
