from app.core import DBSession
from app.models import Item


def count_items():
    with DBSession() as db:
        return db.query(Item).count()
