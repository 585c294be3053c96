# Straight from the session module: moved to the twin as usual.
from app.db.session import AsyncSessionLocal
from app.models import Item
from sqlalchemy import select


async def item_names():
    async with AsyncSessionLocal() as db:
        return [item.name for item in (await db.scalars(select(Item))).all()]
