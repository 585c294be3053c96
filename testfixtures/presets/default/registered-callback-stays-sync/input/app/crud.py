from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Item


def count_items(db: Session) -> int:
    return db.scalar(select(func.count(Item.id)))
