from app.core import JobSession
from app.db import SessionLocal
from app.models import Item


def cleanup():
    with SessionLocal() as db:
        db.query(Item).filter(Item.name == "").delete()
        db.commit()


def count_items():
    db = JobSession()
    try:
        return db.query(Item).count()
    finally:
        db.close()
