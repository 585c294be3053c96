from sqlalchemy.orm import Session

from app.models import Item


class ItemRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, name: str) -> Item:
        item = Item(name=name)
        self.session.add(item)
        self.session.commit()
        return item
