from app.crud.base import CRUDBase
from app.models import Item


class CRUDItem(CRUDBase):
    # Called only through CRUDBase.remove's `self.get(db, id)`: an override the inference reaches by the self call.
    def get(self, db, id):
        return db.query(Item).filter(Item.id == id).one_or_none()

    def get_multi_by_owner(self, db, owner_id):
        return db.query(Item).filter(Item.owner_id == owner_id).all()


item = CRUDItem(Item)
