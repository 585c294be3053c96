import pytest
from sqlalchemy.orm import Session

from app.controllers import orders


# The controller awaits nothing on the session it is handed: the sync fixture suits it, as it did.
@pytest.mark.asyncio
async def test_create_then_list(db: Session):
    order = await orders.create(db, 5)
    assert [o for o in await orders.list(db)] == [order.id]
