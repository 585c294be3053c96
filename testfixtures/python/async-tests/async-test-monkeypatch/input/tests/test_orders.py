from typing import Any

import pytest

from app.orders import OrderRepository, OrderService


@pytest.fixture()
def order_service() -> OrderService:
    return OrderService(OrderRepository())


def test_error_rolls_back(order_service: OrderService, monkeypatch: Any) -> None:
    # An async replacement of an async method is fine: the test is made async, with its marker and awaits.
    real_add_item = order_service.orders.add_item
    calls = []

    async def failing_add_item(item: str) -> str:
        calls.append(item)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return await real_add_item(item)

    monkeypatch.setattr(order_service.orders, "add_item", failing_add_item)
    with pytest.raises(RuntimeError, match="disk full"):
        order_service.place_order("a", "b")
    assert calls == ["a", "b"]
    assert order_service.count() == 1


def test_sync_replacement(order_service: OrderService, monkeypatch: Any) -> None:
    def fake_add_item(item: str) -> str:
        return item

    monkeypatch.setattr(order_service.orders, "add_item", fake_add_item)
    assert order_service.count() == 0


async def test_async_test_with_sync_replacement(order_service: OrderService, monkeypatch: Any) -> None:
    # Async in the run's input: the project runs it its own way, so it gets no marker, and its calls are awaited by
    # propagate-async in a whole run (not here, where async-tests runs alone). The sync replacement is flagged.
    monkeypatch.setattr(order_service.orders, "add_item", lambda item: item)
    await order_service.place_order()
    assert order_service.count() == 0


def test_async_replacing_sync(order_service: OrderService, monkeypatch: Any) -> None:
    async def describe() -> str:
        return "patched"

    monkeypatch.setattr(order_service.orders, "describe", describe)
    assert order_service.count() == 0
