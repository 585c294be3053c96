from typing import Annotated

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db


class BaseRepository:
    def __init__(self, db: Annotated[AsyncSession, Depends(get_async_db)]):
        self.db = db
