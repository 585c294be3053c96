from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db


class Service:
    def __init__(self, db: AsyncSession = Depends(get_async_db)):
        self.db = db


class Audited(Service):
    async def touch(self):
        await self.db.commit()
