from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.repositories import UserRepository

app = FastAPI()


@app.get("/users/{user_id}")
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    user = await UserRepository(db).get(user_id)
    return {"id": user.id, "email": user.email}
