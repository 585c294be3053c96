from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.database import Base, engine
from app.main import app
from app.models import Customer, Order
from app.setup import seed_admin
from tests.helpers import customer_headers


@pytest.fixture(scope="session", autouse=True)
def db() -> Iterator[Session]:
    Base.metadata.create_all(bind=engine)
    with Session(engine) as session:
        seed_admin(db=session)
        yield session
        # Leave the database as the run found it.
        session.execute(delete(Order))
        session.execute(delete(Customer))
        session.commit()


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def regular_customer(client: TestClient, db: Session) -> dict[str, str]:
    return customer_headers(client, db, "regular@example.com")
