import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, SQLModel, create_engine
from sqlmodel.pool import StaticPool

from app import database
from app.database import get_db
from app.main import app


@pytest.fixture(name="session")
def session_fixture():
    engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        yield session


@pytest.fixture(name="client")
def client_fixture(session: Session):
    def get_session_override():
        return session

    app.dependency_overrides[get_db] = get_session_override
    # Code opening sessions of its own reads the module's engine: point it at the test database. Once the
    # fixture hands out an AsyncSession, this is its AsyncEngine (reported).
    original = database.engine
    database.engine = session.bind
    yield TestClient(app)
    database.engine = original
    app.dependency_overrides.clear()
