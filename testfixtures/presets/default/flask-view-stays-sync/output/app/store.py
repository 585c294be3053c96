from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Shelf
from sqlalchemy import select


class ShelfStore:
    def __init__(self, session: AsyncSession):
        self.session = session

    async def find(self, ident):
        return await self.session.scalar(select(Shelf).filter_by(id=ident).limit(1))
