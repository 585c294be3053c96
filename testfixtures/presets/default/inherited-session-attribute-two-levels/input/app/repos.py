from typing import Generic, TypeVar

from sqlalchemy.orm import Session

T = TypeVar("T")


class RepositoryGeneric(Generic[T]):
    def __init__(self, session: Session, model) -> None:
        self.session = session
        self.model = model

    def create(self, data: dict):
        obj = self.model(**data)
        self.session.add(obj)
        self.session.commit()
        return obj


# Stores nothing itself: the subclass in repo_items.py reads `self.session` through it.
class GroupRepository(RepositoryGeneric[T]):
    def __init__(self, session: Session, model, group_id: int) -> None:
        super().__init__(session, model)
        self.group_id = group_id
