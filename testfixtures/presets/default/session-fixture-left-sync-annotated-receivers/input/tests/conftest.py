import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.database import Base

engine = create_engine("sqlite:///./test.db")
TestingSessionLocal = sessionmaker(bind=engine)
Base.metadata.create_all(bind=engine)


# Not a shape awaitify converts (a SAVEPOINT in a session on an outer transaction): it stays sync.
@pytest.fixture
def db_session():
    connection = engine.connect()
    transaction = connection.begin()
    session = TestingSessionLocal(bind=connection)
    session.begin_nested()
    yield session
    session.close()
    transaction.rollback()
    connection.close()
