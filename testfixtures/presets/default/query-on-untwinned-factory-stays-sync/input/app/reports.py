from app.legacy import LegacySession
from app.models import Item


def legacy_count():
    with LegacySession() as db:
        return db.query(Item).count()


def legacy_first(name):
    db = LegacySession()
    try:
        return db.query(Item).filter_by(name=name).first()
    finally:
        db.close()
