from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Tag


class TagRepository:
    def __init__(self, session: Session):
        self.session = session

    def labels(self) -> list[str]:
        return list(self.session.scalars(select(Tag.label)))
