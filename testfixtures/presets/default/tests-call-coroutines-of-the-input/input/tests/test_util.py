import asyncio

import pytest

from app import crud
from app.db import SessionLocal
from app.util import compute, span, ticks


# Coroutine functions used the async way already (async with, async for, asyncio.run): nothing to await or flag.
@pytest.mark.asyncio
async def test_span():
    async with span("x") as s:
        assert s == "x"


@pytest.mark.asyncio
async def test_ticks():
    assert [i async for i in ticks(3)] == [0, 1, 2]
    seen = []
    async for i in ticks(2):
        seen.append(i)
    assert seen == [0, 1]


def test_compute_in_its_own_loop():
    assert asyncio.run(compute(1)) == 2
    assert asyncio.run(asyncio.wait_for(compute(5), timeout=1)) == 10


# A function the migration makes async: this test follows it.
def test_get_item():
    db = SessionLocal()
    assert crud.get_item(db, 99) is None
    db.close()
