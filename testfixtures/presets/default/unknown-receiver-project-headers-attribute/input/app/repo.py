from sqlalchemy.orm import Session

from app.models import Item


class HeaderStore:
    """Per-item headers kept in the database."""

    def __init__(self, db: Session):
        self.db = db

    def get(self, item_id: int) -> Item | None:
        return self.db.get(Item, item_id)


class Envelope:
    def __init__(self, db: Session):
        # A project object under `headers`: `x.headers` of an unknown `x` may be this.
        self.headers = HeaderStore(db)
