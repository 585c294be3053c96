from sqlalchemy import delete

from app.db import SessionLocal
from app.models import Item


def nightly():
    with SessionLocal() as db:
        db.execute(delete(Item))
        db.commit()
