from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.repo import DeclaredRepository, OptionalRepository, UserRepository

app = FastAPI()


@app.get("/users/{user_id}")
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    user = await UserRepository(db).get(user_id)
    return {"id": user.id, "name": user.name}


@app.get("/users")
async def count_users(db: AsyncSession = Depends(get_async_db)):
    return {"count": await OptionalRepository(db).count()}


@app.get("/first")
async def first_user(db: AsyncSession = Depends(get_async_db)):
    user = await DeclaredRepository(db).first()
    return {"id": user.id if user else None}
