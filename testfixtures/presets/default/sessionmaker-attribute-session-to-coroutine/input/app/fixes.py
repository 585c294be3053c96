from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Item


def fix_blank_names(session: Session) -> None:
    for item in session.scalars(select(Item).where(Item.name == "")):
        item.name = f"item {item.id}"
    session.commit()
