from sqlalchemy.orm import Session

from app.models import Item


def get_item(db: Session, item_id: int):
    return db.get(Item, item_id)


def create_item(db, name):
    # `db` has no annotation; it goes on to get_item's session parameter.
    item = Item(name=name)
    db.add(item)
    db.commit()
    return get_item(db, item.id)


def get_or_create_item(db, name):
    # Two calls away from get_item: its legacy query is left as it is on what becomes an AsyncSession.
    existing = db.query(Item).filter(Item.name == name).first()
    if existing:
        return existing
    return create_item(db, name)
