from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item
from sqlalchemy import select
from sqlalchemy.orm import Session


def get_item(db: Session, item_id: int):
    return db.scalar(select(Item).where(Item.id == item_id).limit(1))


def search(db: AsyncSession, conds: list):
    return db.query(Item).filter(*conds).all()
