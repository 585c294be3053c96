from typing import Generator

import pytest

from app.database import SessionLocal


@pytest.fixture()
def db() -> Generator:
    yield SessionLocal()


@pytest.fixture(scope="session")
def shared_db() -> Generator:
    yield SessionLocal()
