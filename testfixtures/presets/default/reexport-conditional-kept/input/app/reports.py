# Straight from the session module: moved to the twin as usual.
from app.db.session import SessionLocal
from app.models import Item


def item_names():
    with SessionLocal() as db:
        return [item.name for item in db.query(Item).all()]
