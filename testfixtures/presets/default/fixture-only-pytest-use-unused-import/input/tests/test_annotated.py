import pytest


# A string annotation naming the module is a use too.
@pytest.fixture
def carol(repo, request: "pytest.FixtureRequest"):
    return repo.create("carol@example.com")


def test_carol(carol):
    assert carol.email
