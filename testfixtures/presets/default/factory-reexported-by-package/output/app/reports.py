from app.legacy import LegacySession
from app.models import Item
from sqlalchemy import func, select


def legacy_count():
    with LegacySession() as db:
        return db.scalar(select(func.count()).select_from(Item))
