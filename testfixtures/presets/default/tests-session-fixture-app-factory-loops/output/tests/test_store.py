from app.store import add_product, find_product
import pytest


@pytest.mark.asyncio
async def test_add_product(db_session):
    product = await add_product(db_session, "lamp")
    assert product.id is not None


@pytest.mark.asyncio
async def test_find_product(db_session):
    await add_product(db_session, "desk")
    assert (await find_product(db_session, "desk")).title == "desk"
