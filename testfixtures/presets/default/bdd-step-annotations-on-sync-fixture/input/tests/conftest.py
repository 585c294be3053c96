import pytest
from sqlalchemy.orm import Session

from app.database import init_engine
from app.models import Base


@pytest.fixture()
def engine():
    engine = init_engine()
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


@pytest.fixture()
def session(engine):
    with Session(bind=engine) as session:
        yield session
