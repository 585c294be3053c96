"""Data access and the few rules of the lending desk. Every function takes the request's session; the
writes commit themselves, one transaction per call."""
from collections.abc import Sequence

from sqlmodel import Session, col, func, select

from app.models import Author, AuthorCreate, AuthorUpdate, Book, BookCreate


class AlreadyOnLoan(Exception):
    def __init__(self, book: Book) -> None:
        super().__init__(f"'{book.title}' is lent to {book.borrower}")
        self.book = book


class NotOnLoan(Exception):
    pass


# ---- authors ----


def create_author(session: Session, data: AuthorCreate) -> Author:
    author = Author.model_validate(data)
    session.add(author)
    session.commit()
    session.refresh(author)
    return author


def get_author(session: Session, author_id: int) -> Author | None:
    return session.get(Author, author_id)


def find_author(session: Session, name: str) -> Author | None:
    return session.exec(select(Author).where(Author.name == name)).first()


def list_authors(session: Session, *, offset: int = 0, limit: int = 20) -> Sequence[Author]:
    statement = select(Author).order_by(Author.id).offset(offset).limit(limit)
    return session.exec(statement).all()


def update_author(session: Session, author: Author, data: AuthorUpdate) -> Author:
    author.sqlmodel_update(data.model_dump(exclude_unset=True))
    session.add(author)
    session.commit()
    session.refresh(author)
    return author


def delete_author(session: Session, author: Author) -> None:
    session.delete(author)
    session.commit()


# ---- books ----


def add_book(session: Session, author: Author, data: BookCreate) -> Book:
    book = Book.model_validate(data, update={"author_id": author.id})
    session.add(book)
    session.commit()
    session.refresh(book)
    return book


def get_book(session: Session, book_id: int) -> Book | None:
    return session.get(Book, book_id)


def list_books(
    session: Session,
    *,
    author_id: int | None = None,
    available: bool | None = None,
    search: str | None = None,
    offset: int = 0,
    limit: int = 20,
) -> Sequence[Book]:
    statement = select(Book)
    if author_id is not None:
        statement = statement.where(Book.author_id == author_id)
    if available is not None:
        statement = statement.where(col(Book.borrower).is_(None) if available else col(Book.borrower).is_not(None))
    if search:
        statement = statement.where(col(Book.title).ilike(f"%{search}%"))
    return session.exec(statement.order_by(Book.id).offset(offset).limit(limit)).all()


def count_books(session: Session, *, author_id: int | None = None) -> int:
    statement = select(func.count()).select_from(Book)
    if author_id is not None:
        statement = statement.where(Book.author_id == author_id)
    return session.exec(statement).one()


def delete_book(session: Session, book: Book) -> None:
    session.delete(book)
    session.commit()


def lend_book(session: Session, book_id: int, borrower: str) -> Book | None:
    book = get_book(session, book_id)
    if book is None:
        return None
    if book.borrower is not None:
        raise AlreadyOnLoan(book)
    book.borrower = borrower
    session.add(book)
    session.commit()
    session.refresh(book)
    return book


def return_book(session: Session, book: Book) -> Book:
    if book.borrower is None:
        raise NotOnLoan(book.title)
    book.borrower = None
    session.add(book)
    session.commit()
    session.refresh(book)
    return book


def borrowed_by(session: Session, borrower: str) -> list[tuple[str, str]]:
    """(title, author name) of every book a borrower holds, by title."""
    statement = (
        select(Book.title, Author.name)
        .join(Author)
        .where(Book.borrower == borrower)
        .order_by(Book.title)
    )
    return [(title, name) for title, name in session.exec(statement)]
