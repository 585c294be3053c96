from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db, get_db
from app.repo import UserRepo
from sqlalchemy.orm import Session

app = FastAPI()


@app.get("/users/{user_id}")
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    return {"email": (await UserRepo(db).get(user_id)).email}


@app.post("/users/{user_id}/deactivate")
def deactivate(user_id: int, db: Session = Depends(get_db)):
    return {"active": UserRepo(db).deactivate(user_id).active}
