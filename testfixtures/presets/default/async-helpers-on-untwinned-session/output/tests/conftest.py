import os

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.models import Base


def make_engine():
    url = os.environ.get("TEST_DATABASE_URL", "postgresql://app@localhost/orders_test")
    return create_engine(url)


@pytest.fixture()
def engine():
    engine = make_engine()
    Base.metadata.create_all(bind=engine)
    yield engine
    Base.metadata.drop_all(bind=engine)
    engine.dispose()


@pytest.fixture()
def db(engine):
    with engine.connect() as conn:
        transaction = conn.begin()
        session = Session(bind=conn)
        yield session
        session.close()
        transaction.rollback()
