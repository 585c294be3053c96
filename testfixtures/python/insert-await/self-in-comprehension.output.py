from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Tag


class TagRepository:
    def __init__(self, db: Session) -> None:
        self.db = db

    def by_names(self, names):
        existing = {tag.name: tag for tag in (await self.db.scalars(select(Tag).where(Tag.name.in_(names)))).all()}
        await self.db.flush()
        return existing

    def left_query(self, names):
        # A legacy query in a comprehension blocks the whole function: nothing is awaited here.
        existing = {tag.name: tag for tag in self.db.query(Tag).filter(Tag.name.in_(names)).all()}
        self.db.flush()
        return existing
