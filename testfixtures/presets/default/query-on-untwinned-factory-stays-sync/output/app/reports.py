from app.legacy import LegacySession
from app.models import Item
from sqlalchemy import func, select


def legacy_count():
    with LegacySession() as db:
        return db.scalar(select(func.count()).select_from(Item))


def legacy_first(name):
    db = LegacySession()
    try:
        return db.scalar(select(Item).filter_by(name=name).limit(1))
    finally:
        db.close()
