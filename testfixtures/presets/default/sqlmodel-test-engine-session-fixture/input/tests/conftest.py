import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, SQLModel, create_engine, select

from app.db import get_db
from app.main import app
from app.models import Plant

# The tests' own database: a fixture and the override hand out `Session(engine)`, so it needs an async twin.
engine = create_engine("sqlite:///./test.db", connect_args={"check_same_thread": False})
# Only read through a sync helper that stays sync: no twin.
report_engine = create_engine("sqlite:///./report.db")


@pytest.fixture(autouse=True)
def tables():
    SQLModel.metadata.create_all(engine)
    yield
    SQLModel.metadata.drop_all(engine)


@pytest.fixture
def session():
    with Session(engine) as session:
        yield session


def override_get_db():
    with Session(bind=engine) as session:
        yield session


@pytest.fixture
def client():
    app.dependency_overrides[get_db] = override_get_db
    yield TestClient(app)
    app.dependency_overrides.clear()


def report_names():
    with Session(report_engine) as report:
        return [p.name for p in report.exec(select(Plant)).all()]
