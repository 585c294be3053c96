from typing import Awaitable, Callable

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Product
from app.services import OrderService, OutOfStock


@pytest.mark.asyncio
async def test_out_of_stock(order_service: OrderService, make_product: Callable[..., Awaitable[Product]]) -> None:
    product = await make_product(stock=1)
    with pytest.raises(OutOfStock):
        await order_service.place_order(product.id, 2)
    assert product.stock == 1


@pytest.mark.asyncio
async def test_out_of_stock_through_quick_order(db: AsyncSession, product: Product) -> None:
    service = OrderService(db)
    with pytest.raises(OutOfStock):
        await service.quick_order(product.id)
    assert product.name


@pytest.mark.asyncio
async def test_out_of_stock_swallowed(order_service: OrderService, product: Product) -> None:
    assert await order_service.safe_quick_order(product.id) is None
    assert product.name


@pytest.mark.asyncio
async def test_transfer_rolled_back(order_service: OrderService, product: Product) -> None:
    try:
        await order_service.transfer_stock(product.id, product.id + 1, 5)
    except OutOfStock:
        assert product.stock == 1


@pytest.mark.asyncio
async def test_ids_read_first(order_service: OrderService, product: Product) -> None:
    product_id = product.id
    with pytest.raises(OutOfStock):
        await order_service.place_order(product_id, 99)
    assert product_id


@pytest.mark.asyncio
async def test_not_caught_here(order_service: OrderService, product: Product) -> None:
    await order_service.place_order(product.id, 1)
    assert product.stock == 0


@pytest.mark.asyncio
async def test_rename_does_not_expire(order_service: OrderService, product: Product) -> None:
    await order_service.rename(product, "Lamp")
    assert product.name == "Lamp"


@pytest.mark.asyncio
async def test_discount_swallows_its_rollback(order_service: OrderService, product: Product) -> None:
    await order_service.try_discount(product.id, 10)
    assert product.price_cents


@pytest.mark.asyncio
async def test_refreshed_after_the_rollback(db: AsyncSession, product: Product) -> None:
    service = OrderService(db)
    product_id = product.id
    with pytest.raises(OutOfStock):
        await service.place_order(product_id, 99)
    await db.refresh(product)
    assert product.stock
    reloaded = await db.get(Product, product_id)
    assert reloaded is not None and reloaded.stock
