from typing import Any, Dict

import pytest
from fastapi.testclient import TestClient

from tests.conftest import stock_of


def product(client: TestClient, sku: str, price: int, stock: int) -> Dict[str, Any]:
    r = client.post("/products", json={"sku": sku, "name": f"Product {sku}", "price_cents": price, "stock": stock})
    assert r.status_code == 201, r.text
    return r.json()


def order(client: TestClient, email: str, *lines: Any) -> Any:
    items = [{"product_id": pid, "quantity": qty} for pid, qty in lines]
    return client.post("/orders", json={"customer_email": email, "items": items})


def test_place_order_takes_stock_and_records_prices(client: TestClient) -> None:
    pen = product(client, "PEN", 150, 10)
    pad = product(client, "PAD", 400, 3)
    r = order(client, "ann@example.com", (pen["id"], 4), (pad["id"], 3))
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "placed"
    assert body["total_cents"] == 4 * 150 + 3 * 400
    assert [(i["product"]["sku"], i["quantity"], i["unit_price_cents"]) for i in body["items"]] == [
        ("PEN", 4, 150),
        ("PAD", 3, 400),
    ]
    assert body["placed_at"]
    assert (stock_of(pen["id"]), stock_of(pad["id"])) == (6, 0)


def test_failed_line_rolls_back_the_whole_order(client: TestClient) -> None:
    pen = product(client, "PEN", 150, 10)
    pad = product(client, "PAD", 400, 1)
    r = order(client, "bob@example.com", (pen["id"], 4), (pad["id"], 2))
    assert r.status_code == 409
    assert "PAD" in r.json()["detail"]
    # The first line's stock UPDATE had already run; the rollback must have undone it.
    assert (stock_of(pen["id"]), stock_of(pad["id"])) == (10, 1)
    assert client.get("/customers/bob@example.com/orders").json() == {"total": 0, "orders": []}


def test_unknown_product_rolls_back_and_is_404(client: TestClient) -> None:
    pen = product(client, "PEN", 150, 10)
    r = order(client, "cy@example.com", (pen["id"], 1), (987654, 1))
    assert r.status_code == 404
    assert stock_of(pen["id"]) == 10
    assert client.get("/customers/cy@example.com/orders").json()["total"] == 0


def test_empty_order_is_rejected(client: TestClient) -> None:
    r = client.post("/orders", json={"customer_email": "dee@example.com", "items": []})
    assert r.status_code == 422


def test_same_product_twice_cannot_oversell(client: TestClient) -> None:
    cup = product(client, "CUP", 300, 5)
    r = order(client, "eve@example.com", (cup["id"], 3), (cup["id"], 3))
    assert r.status_code == 409
    assert stock_of(cup["id"]) == 5


def test_read_order_and_404(client: TestClient) -> None:
    pen = product(client, "PEN", 150, 10)
    placed = order(client, "fay@example.com", (pen["id"], 2)).json()
    r = client.get(f"/orders/{placed['id']}")
    assert r.status_code == 200
    assert r.json() == placed
    assert client.get("/orders/424242").status_code == 404


def test_cancel_restores_stock_once(client: TestClient) -> None:
    pen = product(client, "PEN", 150, 10)
    pad = product(client, "PAD", 400, 5)
    placed = order(client, "gus@example.com", (pen["id"], 4), (pad["id"], 5)).json()
    r = client.post(f"/orders/{placed['id']}/cancel")
    assert r.status_code == 200
    assert r.json()["status"] == "cancelled"
    assert (stock_of(pen["id"]), stock_of(pad["id"])) == (10, 5)
    assert client.post(f"/orders/{placed['id']}/cancel").status_code == 409
    assert (stock_of(pen["id"]), stock_of(pad["id"])) == (10, 5)


def test_customer_orders_newest_first_with_total(client: TestClient) -> None:
    pen = product(client, "PEN", 150, 100)
    ids = [order(client, "hal@example.com", (pen["id"], n)).json()["id"] for n in (1, 2, 3)]
    order(client, "other@example.com", (pen["id"], 1))
    r = client.get("/customers/hal@example.com/orders", params={"limit": 2})
    body = r.json()
    assert body["total"] == 3
    assert [o["id"] for o in body["orders"]] == [ids[2], ids[1]]
    assert [o["items"][0]["quantity"] for o in body["orders"]] == [3, 2]


def test_product_with_orders_cannot_be_deleted(client: TestClient) -> None:
    pen = product(client, "PEN", 150, 10)
    order(client, "ivy@example.com", (pen["id"], 1))
    r = client.delete(f"/products/{pen['id']}")
    assert r.status_code == 409
    assert client.get(f"/products/{pen['id']}").status_code == 200


def place_report_orders(client: TestClient) -> None:
    pen = product(client, "PEN", 100, 100)
    pad = product(client, "PAD", 1000, 100)
    product(client, "INK", 50, 100)
    order(client, "a@example.com", (pen["id"], 5), (pad["id"], 1))
    order(client, "b@example.com", (pen["id"], 2))
    cancelled = order(client, "c@example.com", (pad["id"], 50)).json()
    client.post(f"/orders/{cancelled['id']}/cancel")


@pytest.mark.manual_migration
def test_best_sellers_report(client: TestClient) -> None:
    place_report_orders(client)
    best = client.get("/reports/best-sellers", params={"limit": 2}).json()
    assert [(b["product"]["sku"], b["units"]) for b in best] == [("PEN", 7), ("PAD", 1)]


def test_revenue_report(client: TestClient) -> None:
    place_report_orders(client)
    revenue = client.get("/reports/revenue").json()
    assert revenue == [
        {"customer_email": "a@example.com", "revenue_cents": 1500},
        {"customer_email": "b@example.com", "revenue_cents": 200},
    ]
