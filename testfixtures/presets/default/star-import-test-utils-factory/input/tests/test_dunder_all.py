from app.main import find_todo

from .listed import *


def test_find_missing():
    db = ListedSessionLocal()
    try:
        assert find_todo(404, db) is None
    finally:
        db.close()
