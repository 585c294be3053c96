from fastapi import Depends

from app.db import SessionLocal, get_db as database


def list_things(db=Depends(database)):
    return db
