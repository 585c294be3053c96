from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import User
from sqlalchemy import select
from sqlalchemy.orm import selectinload

app = FastAPI()


async def get_current_user(db: AsyncSession = Depends(get_async_db)) -> User:
    return await db.scalar(select(User).where(User.name == "alice").limit(1))


@app.get("/users/{user_id}/items")
async def user_items(user_id: int, db: AsyncSession = Depends(get_async_db), current: User = Depends(get_current_user)):
    user = await db.get(User, user_id, options=[selectinload(User.items)])
    if user is None:
        raise HTTPException(status_code=404)
    return [item.title for item in user.items]


@app.get("/me/items")
async def my_items(db: AsyncSession = Depends(get_async_db), current: User = Depends(get_current_user)):
    user = await db.get(User, current.id, options=[selectinload(User.items)])
    return [item.title for item in user.items]
