from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Item


def get_item(db: Session, item_id: int):
    return db.execute(select(Item).where(Item.id == item_id)).scalar_one_or_none()
