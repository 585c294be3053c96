from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.models import Item


def seed_items(session: Session) -> None:
    session.execute(insert(Item).values(name="seed"))
    session.commit()


def get_item(session: Session, item_id: int):
    return session.get(Item, item_id)
