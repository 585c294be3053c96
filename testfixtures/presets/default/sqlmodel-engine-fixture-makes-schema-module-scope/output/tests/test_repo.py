from sqlmodel.ext.asyncio.session import AsyncSession

from app.repo import StudentRepo
import pytest


@pytest.mark.asyncio
async def test_add(session: AsyncSession):
    repo = StudentRepo()
    await repo.add(session, "Ana")
    assert await repo.names(session) == ["Ana"]
