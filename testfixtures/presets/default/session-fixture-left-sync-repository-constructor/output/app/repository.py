from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Batch


class SqlAlchemyRepository:
    def __init__(self, session: AsyncSession):
        self.session = session

    async def add(self, batch: Batch) -> None:
        self.session.add(batch)
        await self.session.commit()

    async def get(self, reference: str):
        return await self.session.scalar(select(Batch).where(Batch.reference == reference))
