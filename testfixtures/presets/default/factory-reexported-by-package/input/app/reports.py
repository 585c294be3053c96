from app.legacy import LegacySession
from app.models import Item


def legacy_count():
    with LegacySession() as db:
        return db.query(Item).count()
