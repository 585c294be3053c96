from sqlalchemy.orm import Session as DBSession
from sqlalchemy.orm.session import Session as OrmSession


class ItemService:
    def __init__(self, db: DBSession, fallback: OrmSession) -> None:
        self.db = db
        self.fallback = fallback
