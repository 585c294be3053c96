import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import Counter


class Seeder:
    def __init__(self, session: AsyncSession):
        self.session = session

    def counter(self, value: int) -> Counter:
        row = Counter(value=value)
        self.session.add(row)
        return row

    async def commit(self) -> None:
        await self.session.commit()


@pytest.fixture
def seeder(db_session: AsyncSession) -> Seeder:
    return Seeder(db_session)
