from collections.abc import Callable

from sqlalchemy.orm import Session

from app.repository import ItemRepository


class UnitOfWork:
    session: Session

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self.session_factory = session_factory

    def __enter__(self) -> "UnitOfWork":
        self.session = self.session_factory()
        self.items = ItemRepository(self.session)
        return self

    def __exit__(self, *args: object) -> None:
        self.session.rollback()
        self.session.close()

    def commit(self) -> None:
        self.session.commit()
