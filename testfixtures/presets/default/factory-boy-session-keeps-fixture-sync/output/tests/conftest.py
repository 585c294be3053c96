import pytest

from app.db import Base, SessionLocal, engine
from tests.factories import AdminFactory, UserFactory


@pytest.fixture
def db():
    Base.metadata.create_all(engine)
    with SessionLocal() as session:
        yield session
    Base.metadata.drop_all(engine)


@pytest.fixture(autouse=True)
def factory_session(db):
    UserFactory._meta.sqlalchemy_session = db


@pytest.fixture
def admin_factory(db):
    AdminFactory._meta.sqlalchemy_session_factory = lambda: db
    return AdminFactory
