import pytest


def test_create(repo):
    user = repo.create("a@example.com")
    assert repo.get(user.id).email == "a@example.com"


def test_seeded(alice, repo):
    assert repo.get(alice.id) is not None


# pytest hands `repo` the parametrized value here, not the fixture: its calls are not resolved.
@pytest.mark.parametrize("repo", [None])
def test_parametrized(repo):
    assert repo is None or repo.get(1) is None
