from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db
from app.models import User

app = FastAPI()


@app.post("/users")
async def create_user(email: str, db: AsyncSession = Depends(get_async_db)):
    if await User.by_email(db, email):
        raise HTTPException(400, "taken")
    user = await User.create(db, email=email)
    return {"id": user.id, "total": await User.count(db)}


@app.get("/users/{user_id}")
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    user = await User.get(db, user_id)
    return {"email": user.email}
