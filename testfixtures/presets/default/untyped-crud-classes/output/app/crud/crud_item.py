from app.crud.base import CRUDBase
from app.models import Item
from sqlalchemy import select


class CRUDItem(CRUDBase):
    async def get_multi_by_owner(self, db, owner_id):
        return (await db.scalars(select(Item).where(Item.owner_id == owner_id))).all()


item = CRUDItem(Item)
