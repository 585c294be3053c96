from app.db import SessionLocal
from app.models import Item


class ItemRepository:
    # Annotated with the factory, not a session type: awaitify does not take `db` for a session, so it stays sync.
    def by_id(self, item_id: int, db: SessionLocal):
        return db.query(Item).filter(Item.id == item_id).first()
