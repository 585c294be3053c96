from typing import List, Optional

from fastapi import Depends, FastAPI, Query
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth import TokenData, converted_user, current_user, user_for, user_from_token
from app.db import get_async_db
from app.models import Item, Tag, User
from sqlalchemy import select

app = FastAPI()


@app.get("/users/{user_id}")
async def read_user(user_id: str, db: AsyncSession = Depends(get_async_db)):
    return await db.scalar(select(User).where(User.id == user_id).limit(1))


@app.get("/users/{user_id}/get")
async def read_user_by_pk(user_id, db: AsyncSession = Depends(get_async_db)):
    return await db.get(User, user_id)


@app.get("/items")
async def list_items(owner: Optional[str] = None, db: AsyncSession = Depends(get_async_db)):
    return (await db.scalars(select(Item).filter_by(owner_id=owner))).all()


@app.get("/users")
async def some_users(ids: List[str] = Query(...), db: AsyncSession = Depends(get_async_db)):
    return (await db.scalars(select(User).where(User.id.in_(ids)))).all()


@app.get("/tags/{tag_id}/children")
async def child_tags(tag_id: str, db: AsyncSession = Depends(get_async_db)):
    return (await db.scalars(select(Tag).where(Tag.parent_id == tag_id))).all()


# Not reported: the parameter is an int, the column a string, or the value converted first.
@app.get("/typed/{user_id}")
async def read_typed(user_id: int, db: AsyncSession = Depends(get_async_db)):
    return await db.scalar(select(User).where(User.id == user_id).limit(1))


@app.get("/by-name/{name}")
async def read_by_name(name: str, db: AsyncSession = Depends(get_async_db)):
    return await db.scalar(select(User).where(User.name == name).limit(1))


@app.get("/items/{code}")
async def read_item(code: str, db: AsyncSession = Depends(get_async_db)):
    return await db.scalar(select(Item).filter_by(code=code).limit(1))


@app.get("/converted/{user_id}")
async def read_converted(user_id: str, db: AsyncSession = Depends(get_async_db)):
    user_id = int(user_id)
    return await db.scalar(select(User).where(User.id == user_id).limit(1))


@app.get("/tags/by-label/{label}")
async def tag_by_label(label: str, db: AsyncSession = Depends(get_async_db)):
    return await db.scalar(select(Tag).where(Tag.label == label).limit(1))


@app.get("/me")
def me(user=Depends(current_user)):
    return user


@app.post("/whoami")
async def whoami(data: TokenData, db: AsyncSession = Depends(get_async_db)):
    return await user_for(data, db)


@app.get("/me-converted")
def me_converted(user=Depends(converted_user)):
    return user


@app.get("/me-token")
def me_token(user=Depends(user_from_token)):
    return user
