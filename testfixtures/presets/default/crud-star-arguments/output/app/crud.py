from typing import Optional

from sqlalchemy.orm import Session, selectinload

from app.models import Item, Owner
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy import select


async def search_items(db: AsyncSession, name: Optional[str] = None, active: Optional[bool] = None, ordering: Optional[list] = None):
    conds = []
    if name:
        conds.append(Item.name == name)
    if active is not None:
        conds.append(Item.active == active)
    return (await db.scalars(select(Item).where(*conds).order_by(*(ordering or [Item.id])))).unique().all()


async def find_item(db: AsyncSession, **fields):
    return await db.scalar(select(Item).filter_by(**fields).limit(1))


async def owners_with_items(db: AsyncSession):
    loaders = [selectinload(Owner.items)]
    return (await db.scalars(select(Owner).options(*loaders).order_by(Owner.id))).unique().all()


def columns_of_items(db: Session, cols: list):
    # One entity in `cols`: objects; anything else: rows. Only known at run time, so this stays as it is.
    return db.query(*cols).all()
