from fastapi import Depends
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Book, get_db


class Catalog:
    def __init__(self, db: Session = Depends(get_db)):
        self.db = db

    def newest(self, limit: int) -> list[Book]:
        return list(self.db.scalars(select(Book).order_by(Book.id.desc()).limit(limit)))

    def on_shelf(self, shelf: int):
        # The Query goes back to the caller, which pages it: left as it is.
        return self.db.query(Book).filter(Book.shelf == shelf).order_by(Book.id)
