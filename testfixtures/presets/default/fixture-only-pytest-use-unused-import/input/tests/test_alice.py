import os

import pytest


# The module's only use of the name: once the decorator is the pytest_asyncio one, the import goes.
@pytest.fixture
def alice(repo):
    return repo.create(os.environ.get("ALICE", "alice@example.com"))


def test_alice(alice, repo):
    assert repo.get(alice.id) is not None
