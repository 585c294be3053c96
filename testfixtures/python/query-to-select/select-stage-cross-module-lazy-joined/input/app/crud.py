from sqlalchemy.orm import Session

from app import models
from app.models import Author, Book, Guest, Reader
from app.models.notes import Note


def authors(db: Session):
    return db.query(Author).order_by(Author.name).all()


def author(db: Session, author_id: int):
    return db.query(models.Author).filter(models.Author.id == author_id).one_or_none()


def guests(db: Session):
    return db.query(Guest).all()


def readers(db: Session):
    return db.query(Reader).all()


def books(db: Session):
    return db.query(Book).all()


def titles_and_extras(db: Session):
    # Book.extra is a JSON column (in another module): the rows cannot be made unique.
    return db.query(Book, Book.extra).join(Author).all()


def titles(db: Session):
    return db.query(Book, Book.title).join(Author).all()


def books_and_note_tags(db: Session):
    # Note.tags is a JSON column declared through SQLModel's Field(sa_column=...).
    return db.query(Book, Note.tags).join(Note, Note.book_id == Book.id).all()
