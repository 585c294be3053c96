import asyncio

import anyio

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import User

router = APIRouter()


async def load_user(db: AsyncSession, user_id: int) -> User:
    return await db.get(User, user_id)


def slugify(text: str) -> str:
    return text.lower().replace(" ", "-")


@router.get("/users/{user_id}")
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    user = await load_user(db, user_id)
    again = await load_user(db, user_id=user_id)
    loop = asyncio.get_running_loop()
    third = await load_user(db, user_id)
    slug = await run_in_threadpool(slugify, user.name)
    return {"user": user, "same": again is third, "slug": slug}


async def later(db: AsyncSession):
    future = asyncio.to_thread(load_user, db, 1)
    return await future


@router.get("/users/{user_id}/anyio")
async def read_user_anyio(user_id: int, db: AsyncSession = Depends(get_async_db)):
    user = await load_user(db, user_id)
    # anyio's own options: not the target's arguments, so not unwrapped
    same = await anyio.to_thread.run_sync(load_user, db, user_id, cancellable=True)
    args = (db, user_id)
    # the arguments are not read one by one: not unwrapped, and reported
    third = await asyncio.to_thread(load_user, *args)
    return {"user": user, "same": same is third}
