# Imports get_db for its own use, and nothing imports it from here: no twin is added.
from app.db.session import get_db
from app.models import Item


def count_items():
    db = next(get_db())
    try:
        return db.query(Item).count()
    finally:
        db.close()
