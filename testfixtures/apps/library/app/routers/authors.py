from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response, status

from app import crud
from app.deps import AuthorDep, SessionDep
from app.models import (
    Author,
    AuthorCreate,
    AuthorRead,
    AuthorReadWithBooks,
    AuthorSummary,
    AuthorUpdate,
    BookCreate,
    BookRead,
)
from app.settings import MAX_PAGE_SIZE

router = APIRouter(prefix="/authors", tags=["authors"])


@router.post("", response_model=AuthorRead, status_code=status.HTTP_201_CREATED)
def create_author(data: AuthorCreate, session: SessionDep):
    if crud.find_author(session, data.name) is not None:
        raise HTTPException(status_code=409, detail="Author already listed")
    return crud.create_author(session, data)


@router.get("", response_model=list[AuthorRead])
def list_authors(
    session: SessionDep,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
):
    return crud.list_authors(session, offset=offset, limit=limit)


@router.get("/{author_id}", response_model=AuthorReadWithBooks)
def read_author(author_id: int, session: SessionDep):
    # The books are not loaded here: the response model reads `author.books` while serialising.
    author = session.get(Author, author_id)
    if author is None:
        raise HTTPException(status_code=404, detail="Author not found")
    return author


@router.get("/{author_id}/summary", response_model=AuthorSummary)
def author_summary(author: AuthorDep):
    books = author.books
    return AuthorSummary(
        id=author.id,
        name=author.name,
        book_count=len(books),
        total_pages=sum(book.pages for book in books),
        on_loan=[book.title for book in books if book.borrower is not None],
    )


@router.patch("/{author_id}", response_model=AuthorRead)
def update_author(data: AuthorUpdate, author: AuthorDep, session: SessionDep):
    if data.name is not None and data.name != author.name and crud.find_author(session, data.name) is not None:
        raise HTTPException(status_code=409, detail="Author already listed")
    return crud.update_author(session, author, data)


@router.delete("/{author_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_author(author: AuthorDep, session: SessionDep):
    crud.delete_author(session, author)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{author_id}/books", response_model=BookRead, status_code=status.HTTP_201_CREATED)
def add_book(data: BookCreate, author: AuthorDep, session: SessionDep):
    return crud.add_book(session, author, data)
