import pytest
import pytest_asyncio


# A string annotation naming the module is a use too.
@pytest_asyncio.fixture
async def carol(repo, request: "pytest.FixtureRequest"):
    return await repo.create("carol@example.com")


def test_carol(carol):
    assert carol.email
