from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from app.db import get_async_db, get_db
from app.service import register
from sqlalchemy.orm import Session

app = FastAPI()


@app.get("/users/{user_id}")
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    return await crud.get_user(db, user_id)


@app.post("/users")
async def make_user(name: str, db: AsyncSession = Depends(get_async_db)):
    return await register(db, name)


@app.post("/flush")
def flush(db: Session = Depends(get_db)):
    crud.flush_all(db)
    return {"ok": True}
