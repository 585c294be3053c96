from typing import Generator

import pytest

from app.database import SessionLocal


@pytest.fixture()
def db() -> Generator:
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()
