from app.main import find_todo

from .utils import *
from sqlalchemy.orm import *


def test_find_missing():
    db = TestingSessionLocal()
    assert find_todo(404, db) is None
