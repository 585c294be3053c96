from sqlalchemy.ext.asyncio import AsyncSession


class ItemService:
    def __init__(self, db: AsyncSession, fallback: AsyncSession) -> None:
        self.db = db
        self.fallback = fallback
