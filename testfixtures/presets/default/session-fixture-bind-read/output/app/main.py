from fastapi import Depends, FastAPI, HTTPException
from sqlmodel.ext.asyncio.session import AsyncSession

from app.database import get_async_db
from app.models import User

app = FastAPI()


@app.post("/users")
async def create_user(payload: dict, session: AsyncSession = Depends(get_async_db)):
    user = User(email=payload["email"])
    session.add(user)
    await session.commit()
    await session.refresh(user)
    return user


@app.get("/users/{user_id}")
async def read_user(user_id: int, session: AsyncSession = Depends(get_async_db)):
    user = await session.get(User, user_id)
    if user is None:
        raise HTTPException(status_code=404)
    return user
