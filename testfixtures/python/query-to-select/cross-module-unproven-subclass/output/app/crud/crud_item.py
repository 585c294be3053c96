from sqlalchemy.orm import Session

from app.crud.base import CRUDBase
from app.models.item import Item


class CRUDItem(CRUDBase[Item]):
    def get_multi_by_owner(self, db: Session, *, owner_id: int):
        return db.query(self.model).filter(Item.owner_id == owner_id).all()
