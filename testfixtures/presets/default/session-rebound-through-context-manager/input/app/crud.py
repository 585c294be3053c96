from typing import Optional

from sqlalchemy.orm import Session

from .db import Item, get_db_context


def get_item(item_id: int, db: Optional[Session] = None) -> Optional[Item]:
    with get_db_context(db) as db:
        return db.get(Item, item_id)


def count_items(db: Session | None = None) -> int:
    with get_db_context(db) as db:
        return db.query(Item).count()


def item_names(db: Optional[Session] = None) -> list[str]:
    # The session it works on is the one the context manager yields, under another name.
    with get_db_context(db) as session:
        return [item.name for item in session.query(Item).order_by(Item.id)]
