from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.models import Item
from app.repos import GroupRepository


class ItemRepository(GroupRepository[Item]):
    def create(self, data: dict):
        try:
            return super().create(data)
        except IntegrityError:
            self.session.rollback()
            raise

    def rename(self, item_id: int, name: str):
        item = self.session.execute(select(Item).where(Item.id == item_id)).scalars().one()
        item.name = name
        self.session.commit()
        return item
