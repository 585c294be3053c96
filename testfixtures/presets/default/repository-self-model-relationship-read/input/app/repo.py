from typing import Type

from fastapi import Depends
from sqlalchemy.orm import Session

from app.db import Base, get_db
from app.models import Book, Shelf


class ShelfRepository:
    def __init__(self, session: Session = Depends(get_db)):
        self.session = session
        self.model = Shelf

    def get(self, shelf_id: int) -> Shelf:
        shelf = self.session.query(self.model).filter(self.model.id == shelf_id).first()
        shelf.book_count = len(shelf.books)
        return shelf

    def list(self) -> list[Shelf]:
        shelves = self.session.query(self.model).all()
        for shelf in shelves:
            shelf.book_count = len(shelf.books)
        return shelves

    def count_books(self, shelf_id: int) -> int:
        shelf = self.session.query(self.model).get(shelf_id)
        return len(shelf.books)


class BookRepository:
    def __init__(self, session: Session = Depends(get_db)):
        self.session = session
        self.model = Book

    def titles(self) -> list[str]:
        return [book.title for book in self.session.query(self.model).all()]


class AnyRepository:
    # the model is handed in: which class a query of it loads is known only at run time
    def __init__(self, session: Session, model: Type[Base]):
        self.session = session
        self.model = model

    def sizes(self) -> list[int]:
        return [len(row.books) for row in self.session.query(self.model).all()]


class LabelRepository:
    # subclassed in another module, which may store another model on self.model
    def __init__(self, session: Session = Depends(get_db)):
        self.session = session
        self.model = Shelf

    def counts(self) -> dict[str, int]:
        return {shelf.label: len(shelf.books) for shelf in self.session.query(self.model).all()}
