from sqlalchemy.orm import Session


class ServiceContainer:
    """Builds the request's services lazily on one session."""

    def __init__(self, db: Session):
        self.db = db
        self._items = None

    @property
    def items(self):
        if self._items is None:
            from app.services import ItemService

            self._items = ItemService(self.db)
        return self._items
