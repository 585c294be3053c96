from functools import cached_property

from sqlalchemy.orm import Session

from app.repo import ItemRepository


class AllRepositories:
    def __init__(self, session: Session) -> None:
        self.session = session

    @cached_property
    def items(self) -> ItemRepository:
        return ItemRepository(self.session)
