from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from app.db import get_async_db

app = FastAPI()


# crud.get_user is re-exported by the package app.crud: the call still says what its `db` is.
@app.get("/users/{user_id}")
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    return await crud.get_user(db, user_id)
