from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import Tag


class TagRepository:
    def __init__(self, session: AsyncSession):
        self.session = session

    async def labels(self) -> list[str]:
        return list(await self.session.scalars(select(Tag.label)))
