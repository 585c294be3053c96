from app.main import find_todo

from .utils import *


def TestingSessionLocal():
    return None


def test_find_missing():
    db = TestingSessionLocal()
    if db is not None:
        find_todo(404, db)
