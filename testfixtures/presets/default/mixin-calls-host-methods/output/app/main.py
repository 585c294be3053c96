from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import User
from app.repo import CountedRepo, ReadOnlyRepo, UserRepo

app = FastAPI()


@app.post("/users")
async def create_user(email: str, db: AsyncSession = Depends(get_async_db)):
    user = User(email=email)
    await UserRepo(db).save(user)
    return {"id": user.id}


@app.get("/users/{user_id}")
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    repo = UserRepo(db)
    user = await repo.get(user_id)
    if user is None:
        raise HTTPException(status_code=404)
    return {"email": user.email, "text": repo.describe(user)}


@app.post("/users/{user_id}/deactivate")
async def deactivate(user_id: int, db: AsyncSession = Depends(get_async_db)):
    return {"active": (await UserRepo(db).deactivate(user_id)).active}


@app.post("/users/{user_id}/touch")
async def touch(user_id: int, db: AsyncSession = Depends(get_async_db)):
    await UserRepo(db).touch(user_id)
    return {"ok": True}


@app.get("/users/{user_id}/counted")
async def counted(user_id: int, db: AsyncSession = Depends(get_async_db)):
    repo = CountedRepo(db)
    await repo.get(user_id)
    user = await repo.get(user_id)
    return {"email": user.email, "reads": repo.reads}


@app.post("/users/{user_id}/rename-readonly")
async def rename_readonly(user_id: int, email: str, db: AsyncSession = Depends(get_async_db)):
    return {"email": (await ReadOnlyRepo(db).rename(user_id, email)).email}
