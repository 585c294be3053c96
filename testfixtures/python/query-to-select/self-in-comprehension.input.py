from typing import List, Sequence

from sqlalchemy.orm import Session

from app.models import Tag


class TagRepository:
    def __init__(self, db: Session) -> None:
        self.db = db

    def by_names(self, names: Sequence[str]) -> dict:
        # The comprehension sees the method's `self`: its query runs on the session.
        return {tag.name: tag for tag in self.db.query(Tag).filter(Tag.name.in_(names)).all()}

    def shadowed(self, rows: List[object]) -> list:
        # Here `self` is the comprehension's own variable, not the repository.
        return [self.query(Tag) for self in rows]
