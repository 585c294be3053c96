from sqlalchemy import delete

from app.db import SessionLocal
from app.models import Item


def purge_items() -> int:
    db = SessionLocal()
    try:
        result = db.execute(delete(Item))
        db.commit()
        return result.rowcount
    finally:
        db.close()
