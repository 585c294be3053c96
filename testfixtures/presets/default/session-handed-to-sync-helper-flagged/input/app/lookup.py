from sqlalchemy.orm import Session

from app import crud


# Built by a handler that stays sync and by one already async, which hands it an AsyncSession: its annotation says
# what async-session writes (the async handler's call is flagged), not given back to `Session`.
class ItemLookup:
    def __init__(self, db: Session):
        self.db = db

    def named(self, name: str):
        from app.models import Item

        return crud.search(self.db, [Item.name == name])
