from sqlalchemy.orm import Session, defer, joinedload, selectinload
from sqlalchemy.orm import joinedload as jl, selectinload as sl

from app.models import Book, User
from sqlalchemy import select

BOOK_OPTIONS = joinedload(Book.tags)


def with_author():
    return joinedload(Book.author).joinedload(User.books)


def books_with_author(db: Session):
    # The option comes from a helper: it may join a collection in, as this one does.
    return db.scalars(select(Book).options(with_author())).unique().all()


def books_with_constant(db: Session):
    return db.scalars(select(Book).options(BOOK_OPTIONS).where(Book.id > 0)).unique().all()


def books_named_loaders(db: Session):
    return db.scalars(select(Book).options(selectinload(Book.tags), defer(Book.body))).all()


def books_aliased_joined(db: Session):
    return db.scalars(select(Book).options(jl(Book.tags))).unique().all()


def books_aliased_selectin(db: Session):
    return db.scalars(select(Book).options(sl(Book.tags))).all()
