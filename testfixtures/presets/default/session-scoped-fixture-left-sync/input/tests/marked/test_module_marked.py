import pytest
from sqlalchemy.orm import Session

from app import crud

pytestmark = pytest.mark.asyncio(loop_scope="module")


def test_create(db: Session):
    assert crud.create_item(db, "marked").id is not None
