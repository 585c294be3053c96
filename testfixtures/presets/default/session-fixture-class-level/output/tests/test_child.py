from app.models import Element
from tests.test_elements import TestOwnSession
import pytest


# Inherits the class's fixture `db` (not the conftest's).
class TestChildSession(TestOwnSession):
    @pytest.mark.asyncio
    async def test_child_commit(self, db):
        db.add(Element(name="child"))
        await db.commit()
