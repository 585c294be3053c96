from app.db import SessionLocal


def count_open():
    # Stays sync (no session call to convert): the module keeps SessionLocal, so patching it still works.
    db = SessionLocal()
    return db
