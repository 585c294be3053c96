from typing import Callable

import pytest
from sqlalchemy.orm import Session

from app.models import Product, Tag
from app.repositories import OrderRepository, ProductRepository, TagRepository


def test_reserve_stock_is_conditional(db: Session, make_product: Callable[..., Product]) -> None:
    repo = ProductRepository(db)
    p = make_product(stock=3)
    assert repo.reserve_stock(p.id, 2) is True
    assert repo.reserve_stock(p.id, 2) is False
    assert repo.reserve_stock(p.id, 1) is True
    db.commit()
    db.refresh(p)
    assert p.stock == 0


def test_search_counts_before_paginating(db: Session, make_product: Callable[..., Product]) -> None:
    repo = ProductRepository(db)
    for price in (500, 100, 300, 200, 400):
        make_product(price_cents=price, tags=["bulk"])
    make_product(price_cents=50, tags=["other"])
    total, items = repo.search(tag="bulk", min_price=150, limit=2, offset=1)
    assert total == 4
    assert [p.price_cents for p in items] == [300, 400]


def test_search_eager_loads_tags(db: Session, make_product: Callable[..., Product]) -> None:
    repo = ProductRepository(db)
    make_product(tags=["x", "y"])
    db.expire_all()
    _, items = repo.search()
    # selectinload: the tags are already in the instance state, no lazy load pending.
    assert "tags" in items[0].__dict__
    assert [t.name for t in items[0].__dict__["tags"]] == ["x", "y"]


def test_clear_discontinued_stock_updates_loaded_objects(db: Session, make_product: Callable[..., Product]) -> None:
    repo = ProductRepository(db)
    p = make_product(stock=8)
    q = make_product(stock=8)
    assert repo.discontinue([p.id]) == 1
    loaded = repo.get(p.id)
    assert loaded.stock == 8
    assert repo.clear_discontinued_stock() == 1
    # The default synchronize_session applied the UPDATE to the object already in the session.
    assert loaded.stock == 0
    db.commit()
    assert repo.get(q.id).stock == 8


def test_get_or_create_many_and_counts(db: Session, make_product: Callable[..., Product]) -> None:
    repo = TagRepository(db)
    existing = repo.add(Tag(name="old"))
    tags = repo.get_or_create_many(["new", "old", "new"])
    assert [t.name for t in tags] == ["new", "old"]
    assert tags[1] is existing
    db.commit()
    p = make_product(tags=["old"])
    make_product(tags=["old"])
    ProductRepository(db).discontinue([p.id])
    db.commit()
    # Discontinued products do not count towards their tags.
    assert repo.counts() == [("new", 0), ("old", 1)]


# After the async switch: reads order.id and b.id after db.expire_all() (EAGER-EXPIRED-ATTRIBUTE-READ).
@pytest.mark.manual_migration
def test_get_with_items_loads_lines_and_products(db: Session, make_product: Callable[..., Product]) -> None:
    orders = OrderRepository(db)
    a = make_product("Anchor", stock=5)
    b = make_product("Buoy", stock=5)
    order = orders.create("oz@example.com")
    orders.add_item(order, a, 1)
    orders.add_item(order, b, 2)
    db.commit()
    db.expire_all()
    loaded = orders.get_with_items(order.id)
    assert "items" in loaded.__dict__
    assert [(i.product.name, i.quantity) for i in loaded.items] == [("Anchor", 1), ("Buoy", 2)]
    assert orders.count_for_product(b.id) == 1
    total, page = orders.list_for_customer("oz@example.com", limit=5, offset=0)
    assert (total, [o.id for o in page]) == (1, [order.id])
