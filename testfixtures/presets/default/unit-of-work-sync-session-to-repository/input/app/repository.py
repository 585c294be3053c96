from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Item


class ItemRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, item: Item) -> None:
        self.session.add(item)

    def get(self, name: str) -> Item | None:
        return self.session.scalar(select(Item).where(Item.name == name))
