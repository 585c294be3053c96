from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.repo import CachedUserRepo, TypedRepo, UserRepo

app = FastAPI()


@app.get("/cached/{user_id}")
def cached(user_id: int, db: AsyncSession = Depends(get_async_db)):
    return {"email": CachedUserRepo(db).get(user_id).email}


@app.get("/users/{user_id}")
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    return {"email": (await UserRepo(db).get(user_id)).email}


@app.get("/typed/{user_id}")
async def typed(user_id: int, db: AsyncSession = Depends(get_async_db)):
    return {"email": (await TypedRepo(db).get(user_id)).email}
