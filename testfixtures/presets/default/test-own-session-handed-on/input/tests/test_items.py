from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from api import crud
from api.database import Base

engine = create_engine("sqlite:///./test.db")
TestingSessionLocal = sessionmaker(bind=engine)


# The session goes to a coroutine function now: it comes from the async factory.
def test_create_item():
    Base.metadata.create_all(bind=engine)
    db = TestingSessionLocal()
    item = crud.create_item(db, "a")
    assert item.id is not None


class TestItems:
    def setup_method(self):
        Base.metadata.create_all(bind=engine)
        self.db = TestingSessionLocal()

    # A session stored on the test object: not switched, flagged where it is handed on.
    def test_create(self):
        item = crud.create_item(self.db, "b")
        assert item.id is not None
