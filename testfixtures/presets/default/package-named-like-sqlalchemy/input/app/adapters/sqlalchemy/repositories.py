from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.adapters.sqlalchemy.models import Shelf


class ShelfRepository:
    def __init__(self, session: Session):
        self.session = session

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(Shelf))

    def book_ids(self, shelf_id: int) -> list[int]:
        shelf = self.session.scalars(select(Shelf).where(Shelf.id == shelf_id)).one()
        return [book.id for book in shelf.books]
