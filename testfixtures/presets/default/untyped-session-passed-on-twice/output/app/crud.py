from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


async def get_item(db: AsyncSession, item_id: int):
    return await db.get(Item, item_id)


async def create_item(db, name):
    # `db` has no annotation; it goes on to get_item's session parameter.
    item = Item(name=name)
    db.add(item)
    db.commit()
    return await get_item(db, item.id)


async def get_or_create_item(db, name):
    # Two calls away from get_item: its legacy query is left as it is on what becomes an AsyncSession.
    existing = db.query(Item).filter(Item.name == name).first()
    if existing:
        return existing
    return await create_item(db, name)
