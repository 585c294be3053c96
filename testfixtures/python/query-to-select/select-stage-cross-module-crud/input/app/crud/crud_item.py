from sqlalchemy.orm import Session

from app.crud.base import CRUDBase
from app.models.item import Item


class CRUDItem(CRUDBase[Item]):
    def get_multi_by_owner(self, db: Session, *, owner_id: int, skip: int = 0, limit: int = 100):
        return db.query(self.model).filter(Item.owner_id == owner_id).order_by(Item.id).offset(skip).limit(limit).all()


item = CRUDItem(Item)
