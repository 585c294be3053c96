from app.db import DBSession, JobSession, SessionLocal
from app.models import Item


def count_items():
    with SessionLocal() as db:
        return db.query(Item).count()


def first_name():
    with DBSession() as db:
        item = db.query(Item).first()
        return item.name if item else None


def debug_count():
    with JobSession() as db:
        return db.query(Item).count()
