from sqlalchemy.ext.asyncio import AsyncSession

from app import crud


# Only sync code builds it (a handler kept on the sync session), so it runs on a sync Session; its annotation (and
# crud.search's) still says AsyncSession, which async-session wrote: a session held by an object is not traced back.
class ItemFinder:
    def __init__(self, db: AsyncSession):
        self.db = db

    def named(self, name: str):
        from app.models import Item

        return crud.search(self.db, [Item.name == name])
