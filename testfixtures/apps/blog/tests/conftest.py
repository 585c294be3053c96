import os
import shutil
import tempfile
from typing import Dict, Generator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from app import models
from app.api.deps import get_db
from app.db.base import Base
from app.main import app
from tests.utils.user import create_random_user
from tests.utils.utils import login_headers, random_lower_string

# A file rather than ":memory:": TestClient serves requests from another thread, and every connection
# to an in-memory SQLite database would see its own empty database.
_tmpdir = tempfile.mkdtemp(prefix="blog-tests-")
SQLALCHEMY_DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{_tmpdir}/test.db"

connect_args = {"check_same_thread": False} if SQLALCHEMY_DATABASE_URL.startswith("sqlite") else {}
engine = create_engine(SQLALCHEMY_DATABASE_URL, connect_args=connect_args)
TestingSessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)


@pytest.fixture(scope="session", autouse=True)
def database() -> Generator[None, None, None]:
    # drop_all first: a Postgres database may hold tables from an interrupted earlier run.
    Base.metadata.drop_all(bind=engine)
    Base.metadata.create_all(bind=engine)
    yield
    Base.metadata.drop_all(bind=engine)
    engine.dispose()
    shutil.rmtree(_tmpdir, ignore_errors=True)


@pytest.fixture(autouse=True)
def clean_tables() -> Generator[None, None, None]:
    yield
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture()
def db() -> Generator[Session, None, None]:
    session = TestingSessionLocal()
    try:
        yield session
    finally:
        session.close()


def override_get_db() -> Generator[Session, None, None]:
    session = TestingSessionLocal()
    try:
        yield session
    finally:
        session.close()


@pytest.fixture()
def client() -> Generator[TestClient, None, None]:
    app.dependency_overrides[get_db] = override_get_db
    with TestClient(app) as c:
        yield c
    app.dependency_overrides.clear()


@pytest.fixture()
def superuser_password() -> str:
    return random_lower_string()


@pytest.fixture()
def superuser(db: Session, superuser_password: str) -> models.User:
    return create_random_user(db, password=superuser_password, is_superuser=True)


@pytest.fixture()
def superuser_token_headers(client: TestClient, superuser: models.User, superuser_password: str) -> Dict[str, str]:
    return login_headers(client, email=superuser.email, password=superuser_password)


@pytest.fixture()
def normal_user_password() -> str:
    return random_lower_string()


@pytest.fixture()
def normal_user(db: Session, normal_user_password: str) -> models.User:
    return create_random_user(db, password=normal_user_password, full_name="Normal User")


@pytest.fixture()
def normal_user_token_headers(
    client: TestClient, normal_user: models.User, normal_user_password: str
) -> Dict[str, str]:
    return login_headers(client, email=normal_user.email, password=normal_user_password)
