from typing import Callable

import pytest

from app import crud


@pytest.fixture()
def db() -> dict:
    return {}


@pytest.fixture()
def make_product(db: dict) -> Callable[..., crud.Product]:
    async def make(name: str = "w") -> crud.Product:
        return await crud.create_product(db, name)

    return make
