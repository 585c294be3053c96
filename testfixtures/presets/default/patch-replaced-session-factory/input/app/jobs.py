from app.db import SessionLocal
from app.svc import get_item


def nightly():
    with SessionLocal() as db:
        return get_item(db, 1)
