from sqlalchemy.orm import Session

from .models import Item


def rename_item(db: Session, item_id: int, name: str) -> None:
    item = db.query(Item).filter(Item.id == item_id).first()
    item.name = name
    db.commit()


async def notify(db, item_id: int) -> None:
    print("renamed", item_id)


def log_rename(item_id: int) -> None:
    print("renamed", item_id)
