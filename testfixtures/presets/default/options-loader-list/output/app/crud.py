from sqlalchemy.orm import Session, joinedload, selectinload

from app.models import Item, Owner
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy import select

OWNER_LOADERS = [selectinload(Owner.items)]


async def owners_with_items(db: AsyncSession):
    # Query.options flattened the list; converted, it is unpacked, and eager-load reads its loaders.
    return (await db.scalars(select(Owner).options(*OWNER_LOADERS).order_by(Owner.id))).unique().all()


async def items_with_owner(db: AsyncSession):
    loaders = (joinedload(Item.owner),)
    return (await db.scalars(select(Item).options(*loaders).order_by(Item.id))).unique().all()


def owners_loaded_by(db: Session, opts):
    # A list or one option: only the callers know; left as it is and flagged.
    return db.query(Owner).options(opts).order_by(Owner.id).all()


async def newest_first_cancelled(db: AsyncSession):
    return (await db.scalars(select(Item).order_by(Item.id.desc()).order_by(None))).all()
