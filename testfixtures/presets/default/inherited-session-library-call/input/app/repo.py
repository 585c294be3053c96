from fastapi_pagination.ext.sqlalchemy import paginate
from sqlalchemy import select

from app.base import BaseRepository
from app.models import Item


class ItemRepository(BaseRepository):
    def get(self, item_id: int):
        return self.db.get(Item, item_id)

    # The session a base class of another module stores, handed to a library function written for the sync Session.
    def page(self):
        return paginate(self.db, select(Item))
