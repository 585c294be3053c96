import pytest

from app import database


@pytest.fixture
def session():
    yield from database.get_db()


@pytest.fixture
def first_session():
    return next(database.get_db())
