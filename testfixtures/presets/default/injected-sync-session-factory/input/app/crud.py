from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Item


def get_item(db: Session, name: str) -> Item | None:
    return db.scalar(select(Item).where(Item.name == name))
