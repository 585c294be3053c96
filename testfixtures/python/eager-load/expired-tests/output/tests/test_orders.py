from typing import Awaitable, Callable

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Product
from app.repositories import OrderRepository


@pytest.mark.asyncio
async def test_order_survives_expiry(db: AsyncSession) -> None:
    orders = OrderRepository(db)
    order = await orders.create()
    await db.commit()
    db.expire_all()
    loaded = await orders.get(order.id)
    assert loaded is not None


@pytest.mark.asyncio
async def test_ids_read_first(db: AsyncSession) -> None:
    orders = OrderRepository(db)
    order = await orders.create()
    await db.commit()
    order_id = order.id
    db.expire_all()
    assert await orders.get(order_id) is not None


@pytest.mark.asyncio
async def test_factory_products(db: AsyncSession, make_product: Callable[..., Awaitable[Product]], product: Product) -> None:
    made = await make_product("a")
    await db.rollback()
    assert made.name == "a"
    assert product.name


@pytest.mark.asyncio
async def test_refreshed_product(db: AsyncSession, product: Product) -> None:
    await db.rollback()
    await db.refresh(product, attribute_names=["name"])
    assert product.name
    assert product.id
