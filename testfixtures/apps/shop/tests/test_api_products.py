from typing import Any, Dict, List

from fastapi.testclient import TestClient


def create(client: TestClient, sku: str, name: str, price: int, stock: int = 5, tags: List[str] = []) -> Dict[str, Any]:
    r = client.post("/products", json={"sku": sku, "name": name, "price_cents": price, "stock": stock, "tags": tags})
    assert r.status_code == 201, r.text
    return r.json()


def test_health(client: TestClient) -> None:
    r = client.get("/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}


def test_create_product_returns_it_with_sorted_tags(client: TestClient) -> None:
    body = create(client, "MUG-1", "Enamel mug", 1250, stock=3, tags=["kitchen", "camping", "kitchen"])
    assert body["sku"] == "MUG-1"
    assert body["stock"] == 3
    assert body["discontinued"] is False
    assert [t["name"] for t in body["tags"]] == ["camping", "kitchen"]


def test_create_product_reuses_existing_tags(client: TestClient) -> None:
    first = create(client, "A", "Lantern", 3000, tags=["camping"])
    second = create(client, "B", "Stove", 4500, tags=["camping", "cooking"])
    assert first["tags"][0]["id"] == second["tags"][0]["id"]
    r = client.get("/tags")
    assert r.json() == [{"name": "camping", "products": 2}, {"name": "cooking", "products": 1}]


def test_duplicate_sku_is_a_conflict(client: TestClient) -> None:
    create(client, "DUP", "Original", 100)
    r = client.post("/products", json={"sku": "DUP", "name": "Copy", "price_cents": 200})
    assert r.status_code == 409
    assert "DUP" in r.json()["detail"]


def test_read_product_serialises_tags_relationship_or_404s(client: TestClient) -> None:
    created = create(client, "TENT", "Tent", 15000, tags=["outdoor", "camping"])
    r = client.get(f"/products/{created['id']}")
    assert r.status_code == 200
    assert [t["name"] for t in r.json()["tags"]] == ["camping", "outdoor"]
    r = client.get("/products/999999")
    assert r.status_code == 404
    assert r.json() == {"detail": "product 999999 not found"}


def test_list_filters_combine(client: TestClient) -> None:
    cheap = create(client, "C1", "Camp chair", 2000, tags=["camping"])
    create(client, "C2", "Camp table", 9000, tags=["camping"])
    create(client, "K1", "Chair cushion", 2500, tags=["home"])
    create(client, "C3", "Folding chair", 3000, stock=0, tags=["camping"])

    r = client.get("/products", params={"tag": "camping", "max_price": 5000})
    body = r.json()
    assert body["total"] == 2
    assert [p["sku"] for p in body["items"]] == ["C1", "C3"]

    r = client.get("/products", params={"tag": "camping", "max_price": 5000, "in_stock": True})
    assert [p["id"] for p in r.json()["items"]] == [cheap["id"]]

    r = client.get("/products", params={"q": "CHAIR", "min_price": 2100})
    assert [p["sku"] for p in r.json()["items"]] == ["K1", "C3"]


def test_list_paginates_with_total(client: TestClient) -> None:
    for i in range(5):
        create(client, f"P{i}", f"Poster {i}", 100 * (i + 1), tags=["art"])
    r = client.get("/products", params={"limit": 2, "offset": 2})
    body = r.json()
    assert body["total"] == 5
    assert [p["sku"] for p in body["items"]] == ["P2", "P3"]
    assert all(p["tags"] == [{"id": p["tags"][0]["id"], "name": "art"}] for p in body["items"])


def test_replace_tags(client: TestClient) -> None:
    product = create(client, "BAG", "Dry bag", 1800, tags=["camping"])
    r = client.put(f"/products/{product['id']}/tags", json={"tags": ["water", "travel"]})
    assert r.status_code == 200
    assert [t["name"] for t in r.json()["tags"]] == ["travel", "water"]
    assert client.get("/tags").json() == [
        {"name": "camping", "products": 0},
        {"name": "travel", "products": 1},
        {"name": "water", "products": 1},
    ]


def test_prune_unused_tags(client: TestClient) -> None:
    product = create(client, "X", "Thing", 500, tags=["keep", "drop"])
    client.put(f"/products/{product['id']}/tags", json={"tags": ["keep"]})
    assert client.post("/tags", json={"name": "lonely"}).status_code == 201
    r = client.delete("/tags/unused")
    assert r.json() == {"deleted": 2}
    assert client.get("/tags").json() == [{"name": "keep", "products": 1}]


def test_create_tag_twice_is_a_conflict(client: TestClient) -> None:
    assert client.post("/tags", json={"name": "sale"}).status_code == 201
    assert client.post("/tags", json={"name": "sale"}).status_code == 409


def test_discount_only_touches_tagged_products_above_the_discount(client: TestClient) -> None:
    a = create(client, "S1", "Sale item", 1000, tags=["sale"])
    b = create(client, "S2", "Cheap sale item", 150, tags=["sale"])
    c = create(client, "N1", "Full price", 1000, tags=["new"])
    r = client.post("/products/discount", json={"tag": "sale", "cents_off": 200})
    assert r.json() == {"updated": 1}
    prices = {p["id"]: client.get(f"/products/{p['id']}").json()["price_cents"] for p in (a, b, c)}
    assert prices == {a["id"]: 800, b["id"]: 150, c["id"]: 1000}
    r = client.post("/products/discount", json={"tag": "nope", "cents_off": 10})
    assert r.status_code == 404


def test_discontinue_hides_products_and_clears_stock(client: TestClient) -> None:
    a = create(client, "D1", "Old model", 1000, stock=4)
    b = create(client, "D2", "Older model", 1000, stock=2)
    keep = create(client, "D3", "Current model", 1000, stock=7)
    r = client.post("/products/discontinue", json={"product_ids": [a["id"], b["id"], a["id"]]})
    assert r.json() == {"updated": 2}
    assert [p["id"] for p in client.get("/products").json()["items"]] == [keep["id"]]
    listed = client.get("/products", params={"include_discontinued": True}).json()["items"]
    assert {p["sku"]: (p["discontinued"], p["stock"]) for p in listed} == {
        "D1": (True, 0),
        "D2": (True, 0),
        "D3": (False, 7),
    }
    # Already discontinued: nothing left to update.
    assert client.post("/products/discontinue", json={"product_ids": [a["id"]]}).json() == {"updated": 0}


def test_delete_product_without_orders(client: TestClient) -> None:
    product = create(client, "GONE", "Ephemeral", 100, tags=["temp"])
    assert client.delete(f"/products/{product['id']}").status_code == 204
    assert client.get(f"/products/{product['id']}").status_code == 404
    # The association row went with the product; the tag itself stays.
    assert client.get("/tags").json() == [{"name": "temp", "products": 0}]
