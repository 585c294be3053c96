from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Item


class ItemRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, item_id: int):
        return self.session.get(Item, item_id)

    def count(self) -> int:
        return self.session.execute(select(func.count(Item.id))).scalar_one()

    def add(self, name: str):
        item = Item(name=name)
        self.session.add(item)
        self.session.commit()
        return item
