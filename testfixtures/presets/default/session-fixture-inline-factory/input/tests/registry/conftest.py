import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker


# A scoped_session registry on an engine of the fixture's own: it proxies a sync Session.
@pytest.fixture
def db_session():
    engine = create_engine("sqlite:///./test.db")
    registry = scoped_session(sessionmaker(bind=engine))
    yield registry
    registry.remove()
    engine.dispose()
