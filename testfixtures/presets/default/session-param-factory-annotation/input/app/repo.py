from app.db import SessionLocal
from app.models import Item


class ItemRepository:
    # `db: SessionLocal` names the factory, not a session type: what callers hand it is still a session.
    async def by_id(self, item_id: int, db: SessionLocal):
        return db.query(Item).filter(Item.id == item_id).first()


async def list_items(db: SessionLocal):
    return db.query(Item).all()
