from sqlalchemy.orm import *

from app.main import find_todo

from .utils import engine


def test_find_missing():
    db = Session(engine)
    assert find_todo(404, db) is None
