import pytest
import pytest_asyncio


# `pytest.raises` is another use: the import stays.
@pytest_asyncio.fixture
async def bob(repo):
    return await repo.create("bob@example.com")


def test_bob(bob):
    with pytest.raises(AttributeError):
        bob.missing
