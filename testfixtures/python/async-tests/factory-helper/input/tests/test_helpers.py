from typing import Callable

from app import crud


def helper(make_product) -> int:
    return make_product("a").id


def outer(factory: Callable[..., crud.Product]) -> int:
    # Reaches the factory only through `helper`: it becomes async because `helper` does.
    return helper(factory) + 1


async def place_orders(db: dict, make_product: Callable[..., crud.Product]) -> int:
    # Made async by propagate-async (it awaits the app); its factory calls still need their await.
    first = make_product("Alpha")
    make_product(name="Beta")
    return first.id + await crud.count_products(db)


def test_via_helper(make_product) -> None:
    assert helper(make_product) == 1


def test_via_outer(make_product) -> None:
    assert outer(make_product) == 2


def test_via_async_helper(db: dict, make_product) -> None:
    assert place_orders(db, make_product) == 3


def names(factory) -> str:
    # Also called with a plain function below: awaiting `factory(...)` would break that caller.
    return factory("b").name


def test_names(make_product) -> None:
    assert names(make_product) == "b"


def test_names_plain() -> None:
    assert names(lambda n: crud.Product(0, n)) == "b"


def sorted_names(make_product) -> list:
    return sorted(["x", "y"], key=lambda n: make_product(n).name)


def test_sorted_names(make_product) -> None:
    assert sorted_names(make_product) == ["x", "y"]
