from app.db import SessionLocal
from app.models import Item
from app.workers import WorkerSession


def count_items():
    with SessionLocal() as db:
        return db.query(Item).count()


def purge_items():
    with WorkerSession() as db:
        db.query(Item).delete()
        db.commit()
