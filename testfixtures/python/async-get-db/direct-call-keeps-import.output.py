from fastapi import Depends

from app.db import get_async_db, get_db


def handler(db=Depends(get_async_db)):
    return db


def seed():
    db = next(get_db())
    db.add(User(name="admin"))
    db.commit()
