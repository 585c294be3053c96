from sqlalchemy.orm import Session

from app.models import Item


class ItemRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, item_id: int):
        return self.session.get(Item, item_id)
