from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from api import crud
from api.database import Base

engine = create_engine("sqlite:///./test.db")
TestingSessionLocal = sessionmaker(bind=engine)


# pytest calls xunit-style hooks synchronously: made async, they would never run.
def setup_module():
    Base.metadata.create_all(bind=engine)
    db = TestingSessionLocal()
    crud.create_item(db, "seed")
    db.close()


class TestItems:
    def setup_method(self):
        self.db = TestingSessionLocal()

    def teardown_method(self):
        self.db.close()

    def test_listed(self):
        assert len(self.db.query(crud.models.Item).all()) >= 1
