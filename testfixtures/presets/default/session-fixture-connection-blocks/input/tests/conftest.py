import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.database import Base, get_db
from app.main import app

engine = create_engine("sqlite:///./test.db", connect_args={"check_same_thread": False})
TestingSessionLocal = sessionmaker(autoflush=False, bind=engine)


@pytest.fixture(scope="session", autouse=True)
def schema():
    Base.metadata.create_all(bind=engine)
    yield
    Base.metadata.drop_all(bind=engine)


@pytest.fixture
def db():
    with engine.connect() as connection:
        transaction = connection.begin()
        session = TestingSessionLocal(bind=connection)
        yield session
        session.close()
        transaction.rollback()


@pytest.fixture
def block_db():
    with engine.connect() as connection:
        with connection.begin() as transaction:
            session = Session(bind=connection)
            try:
                yield session
            finally:
                session.close()
                transaction.rollback()


# No rollback: leaving `with connection.begin():` commits what the test wrote, and so does its async form.
@pytest.fixture
def committing_db():
    with engine.connect() as connection:
        with connection.begin():
            session = TestingSessionLocal(bind=connection)
            yield session
            session.close()


@pytest.fixture
def savepoint_db():
    with engine.connect() as connection:
        transaction = connection.begin()
        session = TestingSessionLocal(bind=connection)
        session.begin_nested()
        yield session
        session.close()
        transaction.rollback()


@pytest.fixture
def client(db):
    def override_get_db():
        yield db

    app.dependency_overrides[get_db] = override_get_db
    with TestClient(app) as c:
        yield c
    app.dependency_overrides.clear()
