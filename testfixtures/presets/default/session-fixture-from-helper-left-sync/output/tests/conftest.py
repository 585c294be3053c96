import pytest
from fastapi.testclient import TestClient

from app import crud, sessions
from app.db import engine, get_async_db
from app.main import app
from app.models import Base
from app.sessions import make_report_session, make_session, typed_session


@pytest.fixture(autouse=True)
def tables():
    Base.metadata.create_all(engine)
    yield
    Base.metadata.drop_all(engine)


@pytest.fixture
def db():
    session = make_session()
    yield session
    session.close()


@pytest.fixture
def returned_db():
    return make_session()


@pytest.fixture
def entered_db():
    with sessions.open_session() as session:
        yield session


@pytest.fixture
def typed_db():
    return typed_session()


@pytest.fixture
def sync_only_db():
    # Its tests only use the session the sync way: nothing to report.
    with make_session() as session:
        yield session


@pytest.fixture
def checked_db():
    # Hands the session to async code itself: reported whatever its tests do.
    session = make_session()
    assert crud.get_item(session, 1) is None
    yield session
    session.close()


@pytest.fixture
def api_db():
    return make_session()


@pytest.fixture
def client(api_db):
    def override_get_db():
        yield api_db

    app.dependency_overrides[get_async_db] = override_get_db
    yield TestClient(app)
    app.dependency_overrides.clear()


@pytest.fixture
def report_db():
    # An AsyncSession already: its tests awaiting async code with it are right.
    return make_report_session()
