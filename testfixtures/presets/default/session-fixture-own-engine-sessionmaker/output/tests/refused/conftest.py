import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.database import Base


def seed(factory):
    with factory() as seeding:
        seeding.execute(Base.metadata.tables["users"].insert().values(username="seed"))
        seeding.commit()


@pytest.fixture
def db():
    engine = create_engine("sqlite:///:memory:")
    TestingSessionLocal = sessionmaker(bind=engine)
    Base.metadata.create_all(bind=engine)
    # Another use of the fixture's own factory: no async form is written for it, so the fixture stays sync.
    seed(TestingSessionLocal)
    session = TestingSessionLocal()
    try:
        yield session
    finally:
        session.close()
