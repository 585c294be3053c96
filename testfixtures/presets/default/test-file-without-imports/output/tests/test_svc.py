import pytest
@pytest.mark.asyncio
async def test_get(db_session):
    from app.svc import get_item

    assert await get_item(db_session, 1) is None
