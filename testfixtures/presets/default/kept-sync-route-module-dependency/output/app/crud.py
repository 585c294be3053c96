from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from app.models import Item, Vote
from sqlalchemy.orm import Session


class CRUDItem:
    async def get(self, db: AsyncSession, item_id: int):
        return await db.scalar(select(Item).where(Item.id == item_id).limit(1))

    def rescore(self, db: Session, item_id: int) -> int:
        avg = db.query(func.avg(Vote.value)).filter(Vote.item_id == item_id).scalar_subquery()
        item = db.query(Item).filter(Item.id == item_id).first()
        item.score = avg
        db.add(item)
        db.commit()
        db.refresh(item)
        return item.score


item = CRUDItem()
