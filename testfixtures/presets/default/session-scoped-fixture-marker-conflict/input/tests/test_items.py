import pytest
from sqlalchemy.orm import Session

from app import crud


def test_create(db: Session):
    assert crud.create_item(db, "a").id is not None


@pytest.mark.asyncio
async def test_already_async(db: Session):
    assert crud.count_items(db) >= 0
