from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Author
from app.schemas import AuthorOut


class AuthorService:
    def __init__(self, db: Session):
        self.db = db

    def get(self, author_id: int) -> AuthorOut | None:
        author = self.db.scalar(select(Author).where(Author.id == author_id))
        if author is None:
            return None
        return AuthorOut.model_validate(author)

    def all(self) -> list[AuthorOut]:
        return [AuthorOut.model_validate(a) for a in self.db.scalars(select(Author))]
