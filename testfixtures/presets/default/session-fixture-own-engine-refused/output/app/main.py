from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db
from app.models import User

app = FastAPI()


class UserIn(BaseModel):
    username: str
    email: str


@app.post("/users/", status_code=201)
async def create_user(user: UserIn, session: AsyncSession = Depends(get_async_db)):
    if await session.scalar(select(User).where(User.username == user.username)):
        raise HTTPException(status_code=409, detail="Username already exists")
    db_user = User(username=user.username, email=user.email)
    session.add(db_user)
    await session.commit()
    await session.refresh(db_user)
    return {"id": db_user.id, "username": db_user.username}


@app.get("/users/")
async def read_users(session: AsyncSession = Depends(get_async_db)):
    return [{"id": u.id, "username": u.username} for u in (await session.scalars(select(User))).all()]
