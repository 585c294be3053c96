from fastapi import Depends

from app.db import get_async_db, get_db


class ItemView:
    get_db = staticmethod(get_db)

    def list(self, db=Depends(get_db)):
        return db


def read(db=Depends(get_async_db)):
    return db
