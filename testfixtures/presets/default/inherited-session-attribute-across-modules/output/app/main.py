from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.admins import AdminRepo
from app.db import get_async_db
from app.users import UserRepo

app = FastAPI()


@app.get("/users/by-name/{name}")
async def user_by_name(name: str, db: AsyncSession = Depends(get_async_db)):
    user = await UserRepo(db).by_name(name)
    return {"id": user.id if user else None}


@app.put("/users/{id}")
async def rename_user(id: int, name: str, db: AsyncSession = Depends(get_async_db)):
    user = await UserRepo(db).rename(id, name)
    return {"name": user.name}


@app.post("/admins/{id}")
async def promote(id: int, db: AsyncSession = Depends(get_async_db)):
    user = await AdminRepo(db).promote(id)
    return {"admin": user.admin}
