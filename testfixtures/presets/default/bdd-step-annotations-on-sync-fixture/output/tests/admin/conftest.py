import pytest
from sqlalchemy.orm import Session


# A second fixture named `session`: which one a step gets depends on the scenario's test module.
@pytest.fixture()
def session(engine):
    session = Session(bind=engine)
    yield session
    session.close()
