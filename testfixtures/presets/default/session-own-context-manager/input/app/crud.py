from sqlmodel import Session, select

from app.models import Item


def rename(db: Session, item_id: int, name: str) -> Item:
    with db as s:
        item = s.get(Item, item_id)
        item.name = name
        s.commit()
        return item


def names(db: Session) -> list[str]:
    with db:
        return [i.name for i in db.exec(select(Item)).all()]

