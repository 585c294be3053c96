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


def export_items(db: Session) -> None:
    for item in db.query(Item).from_self().all():
        print(item.name)
