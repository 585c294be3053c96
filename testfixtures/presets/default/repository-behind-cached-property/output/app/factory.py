from functools import cached_property

from sqlalchemy.ext.asyncio import AsyncSession

from app.repo import ItemRepository


class AllRepositories:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @cached_property
    def items(self) -> ItemRepository:
        return ItemRepository(self.session)
