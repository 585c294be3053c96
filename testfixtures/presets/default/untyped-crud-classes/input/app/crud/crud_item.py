from app.crud.base import CRUDBase
from app.models import Item


class CRUDItem(CRUDBase):
    def get_multi_by_owner(self, db, owner_id):
        return db.query(Item).filter(Item.owner_id == owner_id).all()


item = CRUDItem(Item)
