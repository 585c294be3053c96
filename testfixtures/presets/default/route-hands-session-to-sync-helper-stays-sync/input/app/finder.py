from sqlalchemy.orm import Session

from app import crud


# Only sync code builds it (a handler kept on the sync session), so it runs on a sync Session: its annotation, and
# that of crud.search, which it hands the session to, stay `Session`.
class ItemFinder:
    def __init__(self, db: Session):
        self.db = db

    def named(self, name: str):
        from app.models import Item

        return crud.search(self.db, [Item.name == name])
