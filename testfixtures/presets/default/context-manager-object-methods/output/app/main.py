from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.uow import Reader, UnitOfWork

app = FastAPI()


@app.post("/users")
async def create_user(email: str, db: AsyncSession = Depends(get_async_db)):
    with UnitOfWork(db) as uow:
        user = await uow.users.add(email)
        await uow.commit()
        return {"id": user.id}


@app.get("/users/{user_id}")
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    with Reader(db) as users:
        return {"email": (await users.get(user_id)).email}
