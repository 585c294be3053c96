import pytest

from app.db import SessionLocal
from tests.conftest import determine_scope


@pytest.fixture(scope=determine_scope)
def db():
    yield SessionLocal()
