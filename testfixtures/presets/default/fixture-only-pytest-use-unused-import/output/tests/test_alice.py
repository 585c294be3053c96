import os

import pytest_asyncio


# The module's only use of the name: once the decorator is the pytest_asyncio one, the import goes.
@pytest_asyncio.fixture
async def alice(repo):
    return await repo.create(os.environ.get("ALICE", "alice@example.com"))


async def test_alice(alice, repo):
    assert await repo.get(alice.id) is not None
