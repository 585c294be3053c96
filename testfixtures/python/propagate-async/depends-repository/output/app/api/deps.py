from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.session import get_async_db
from app.repositories.user_repo import UserRepo


def get_repo(db: AsyncSession = Depends(get_async_db)):
    return UserRepo(db)
