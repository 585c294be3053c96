from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.models import Item
from app.repos import GroupRepository


class ItemRepository(GroupRepository[Item]):
    async def create(self, data: dict):
        try:
            return await super().create(data)
        except IntegrityError:
            await self.session.rollback()
            raise

    async def rename(self, item_id: int, name: str):
        item = (await self.session.execute(select(Item).where(Item.id == item_id))).scalars().one()
        item.name = name
        await self.session.commit()
        return item
