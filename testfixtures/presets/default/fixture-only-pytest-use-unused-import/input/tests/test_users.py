import pytest


# `pytest.raises` is another use: the import stays.
@pytest.fixture
def bob(repo):
    return repo.create("bob@example.com")


def test_bob(bob):
    with pytest.raises(AttributeError):
        bob.missing
