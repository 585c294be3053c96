from typing import Annotated

from fastapi import Depends, HTTPException
from sqlmodel import Session

from app import crud
from app.db import get_session
from app.models import Author, Book

SessionDep = Annotated[Session, Depends(get_session)]


def author_or_404(author_id: int, session: SessionDep) -> Author:
    author = crud.get_author(session, author_id)
    if author is None:
        raise HTTPException(status_code=404, detail="Author not found")
    return author


def book_or_404(book_id: int, session: SessionDep) -> Book:
    book = crud.get_book(session, book_id)
    if book is None:
        raise HTTPException(status_code=404, detail="Book not found")
    return book


AuthorDep = Annotated[Author, Depends(author_or_404)]
BookDep = Annotated[Book, Depends(book_or_404)]
