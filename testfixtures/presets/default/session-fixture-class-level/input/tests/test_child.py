from app.models import Element
from tests.test_elements import TestOwnSession


# Inherits the class's fixture `db` (not the conftest's).
class TestChildSession(TestOwnSession):
    def test_child_commit(self, db):
        db.add(Element(name="child"))
        db.commit()
