from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Item


class HeaderStore:
    """Per-item headers kept in the database."""

    def __init__(self, db: AsyncSession):
        self.db = db

    async def get(self, item_id: int) -> Item | None:
        return await self.db.get(Item, item_id)


class Envelope:
    def __init__(self, db: AsyncSession):
        # A project object under `headers`: `x.headers` of an unknown `x` may be this.
        self.headers = HeaderStore(db)
