import pytest
import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from app.models import Base, Note
from tests.database import engine, test_db


@pytest.fixture(autouse=True)
def tables():
    Base.metadata.drop_all(bind=engine)
    Base.metadata.create_all(bind=engine)


@pytest_asyncio.fixture()
async def seeded(test_db: AsyncSession):
    test_db.add_all([Note(text="a"), Note(text="b")])
    await test_db.commit()


@pytest.mark.asyncio
async def test_list_notes(test_db, seeded):
    assert len(await crud.list_notes(test_db)) == 2
