from sqlalchemy import func
from sqlalchemy.orm import Session
from app.models import Item, Vote


class CRUDItem:
    def get(self, db: Session, item_id: int):
        return db.query(Item).filter(Item.id == item_id).first()

    def rescore(self, db: Session, item_id: int) -> int:
        avg = db.query(func.avg(Vote.value)).filter(Vote.item_id == item_id).scalar_subquery()
        item = db.query(Item).filter(Item.id == item_id).first()
        item.score = avg
        db.add(item)
        db.commit()
        db.refresh(item)
        return item.score


item = CRUDItem()
