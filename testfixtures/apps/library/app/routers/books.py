from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response, status

from app import crud
from app.deps import BookDep, SessionDep
from app.models import BookRead, BookReadWithAuthor, Loan
from app.settings import MAX_PAGE_SIZE

router = APIRouter(tags=["books"])


@router.get("/books", response_model=list[BookRead])
def list_books(
    session: SessionDep,
    author_id: int | None = None,
    available: bool | None = None,
    q: str | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
):
    return crud.list_books(session, author_id=author_id, available=available, search=q, offset=offset, limit=limit)


@router.get("/books/count")
def count_books(session: SessionDep, author_id: int | None = None) -> dict[str, int]:
    return {"count": crud.count_books(session, author_id=author_id)}


@router.get("/books/{book_id}", response_model=BookReadWithAuthor)
def read_book(book: BookDep):
    # `book.author` is loaded while the response model serialises it.
    return book


@router.post("/books/{book_id}/loan", response_model=BookRead)
def lend_book(book_id: int, loan: Loan, session: SessionDep):
    try:
        book = crud.lend_book(session, book_id, loan.borrower)
    except crud.AlreadyOnLoan as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from exc
    if book is None:
        raise HTTPException(status_code=404, detail="Book not found")
    return book


@router.post("/books/{book_id}/return", response_model=BookRead)
def return_book(book: BookDep, session: SessionDep):
    try:
        return crud.return_book(session, book)
    except crud.NotOnLoan as exc:
        raise HTTPException(status_code=409, detail=f"'{exc}' is not on loan") from exc


@router.delete("/books/{book_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_book(book: BookDep, session: SessionDep):
    crud.delete_book(session, book)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/borrowers/{borrower}/books")
def borrowed_by(borrower: str, session: SessionDep) -> list[dict[str, str]]:
    return [{"title": title, "author": author} for title, author in crud.borrowed_by(session, borrower)]
