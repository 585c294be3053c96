from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession


class Repository:
    model = None

    def __init__(self, db: AsyncSession):
        self.db = db

    def get(self, pk: int):
        return await self.db.get(self.model, pk)

    def all(self):
        return (await self.db.scalars(select(self.model))).all()

    def stream(self):
        for row in await self.db.scalars(select(self.model)):
            yield row
