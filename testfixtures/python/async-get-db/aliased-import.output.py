from fastapi import Depends

from app.db import SessionLocal, get_async_db


def list_things(db=Depends(get_async_db)):
    return db
