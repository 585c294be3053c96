import pytest

from app.repos.base import Repository


@pytest.fixture
def first_item(db):
    return Repository(db).get(1)
