from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession


class Repository:
    async def get_all(self, session: AsyncSession, model):
        return (await session.exec(select(model))).all()

    def statement(self, model):
        return select(model)
