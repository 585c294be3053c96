from sqlalchemy.orm import Session

from app.db import engine
from app.models import Item


def get_item(item_id: int):
    with Session(engine) as session:
        return session.get(Item, item_id)
