from fastapi import Depends, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import Note
from sqlalchemy import func, select


class NoteQuota:
    def __init__(self, limit: int):
        self.limit = limit

    # FastAPI awaits the __call__ of a dependency instance when it is a coroutine function: it may become async.
    async def __call__(self, db: AsyncSession = Depends(get_async_db)) -> int:
        used = await db.scalar(select(func.count()).select_from(Note))
        if used >= self.limit:
            raise HTTPException(429)
        return self.limit - used
