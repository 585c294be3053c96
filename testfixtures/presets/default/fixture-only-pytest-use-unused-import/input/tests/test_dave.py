import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def erin():
    return "erin@example.com"


@pytest.fixture
def dave(repo):
    return repo.create("dave@example.com")


async def test_dave(dave, erin):
    assert dave.email != erin
