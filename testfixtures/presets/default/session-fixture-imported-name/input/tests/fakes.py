import pytest


class FakeDb:
    def __init__(self):
        self.committed = False

    def commit(self):
        self.committed = True


@pytest.fixture
def db():
    return FakeDb()
