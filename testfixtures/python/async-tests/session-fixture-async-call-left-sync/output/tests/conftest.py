import pytest

from app import crud
from app.database import SessionLocal


@pytest.fixture()
def db():
    with SessionLocal() as session:
        crud.create_user(session, "admin@example.com")
        yield session
        session.query(crud.User).delete()
