import unittest

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from tests.helpers import async_test


class TestDecorated:
    # Async before the run, run by the project's own decorator: it gets its await, and no asyncio marker.
    @async_test
    async def test_decorated(self, db: AsyncSession):
        assert await crud.count(db) == 1


class TestUnittest(unittest.IsolatedAsyncioTestCase):
    # unittest runs it: no marker.
    async def test_unittest(self):
        self.assertTrue(True)


@pytest.mark.anyio
async def test_anyio(db: AsyncSession):
    assert await crud.count(db) == 1


async def test_plain(db: AsyncSession):
    # Async before the run without a marker: whatever ran it (or skipped it) before still does.
    assert await crud.count(db) == 1


@pytest.mark.asyncio
async def test_sync(db: AsyncSession):
    # Made async by this run: it needs the marker to run in strict mode.
    assert await crud.count(db) == 1
