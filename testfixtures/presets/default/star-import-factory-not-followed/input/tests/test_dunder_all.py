from app.main import find_todo

from .unlisted import *


def test_find_missing():
    db = UnlistedSessionLocal()
    assert find_todo(404, db) is None
