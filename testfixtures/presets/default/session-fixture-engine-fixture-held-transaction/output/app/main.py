from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db
from app.models import User

app = FastAPI()


@app.post("/users/", status_code=201)
async def create_user(username: str, session: AsyncSession = Depends(get_async_db)):
    db_user = await session.scalar(select(User).where(User.username == username))
    if db_user:
        raise HTTPException(status_code=400, detail="exists")
    user = User(username=username)
    session.add(user)
    await session.commit()
    await session.refresh(user)
    return {"id": user.id, "username": user.username}


@app.get("/users/{user_id}")
async def read_user(user_id: int, session: AsyncSession = Depends(get_async_db)):
    user = await session.scalar(select(User).where(User.id == user_id))
    if not user:
        raise HTTPException(status_code=404, detail="not found")
    return {"id": user.id, "username": user.username}
