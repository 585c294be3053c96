import pytest


@pytest.mark.asyncio
async def test_create(repo):
    user = await repo.create("a@example.com")
    assert (await repo.get(user.id)).email == "a@example.com"


@pytest.mark.asyncio
async def test_seeded(alice, repo):
    assert await repo.get(alice.id) is not None


# pytest hands `repo` the parametrized value here, not the fixture: its calls are not resolved.
@pytest.mark.parametrize("repo", [None])
def test_parametrized(repo):
    assert repo is None or repo.get(1) is None
