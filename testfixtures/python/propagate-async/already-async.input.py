import asyncio

from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import User

router = APIRouter()


async def find_user(db: AsyncSession, user_id: int) -> User:
    return await db.get(User, user_id)


class Users:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def get(self, user_id: int) -> User:
        return await find_user(self.db, user_id)


@router.get("/users/{user_id}")
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    users = Users(db)
    first, second = await asyncio.gather(users.get(user_id), find_user(db, user_id + 1))
    return {"first": first, "second": second}


def count(items) -> int:
    return len([i for i in items if i])
