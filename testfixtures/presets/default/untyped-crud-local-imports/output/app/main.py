from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.legacy import get_user

app = FastAPI()


@app.post("/users")
async def create(email: str, db: AsyncSession = Depends(get_async_db)):
    import app.crud as crud

    return {"id": (await crud.create_user(db, email)).id}


@app.get("/users/{user_id}")
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    from app.crud import get_user

    user = await get_user(db, user_id)
    if user is None:
        raise HTTPException(status_code=404)
    return {"email": user.email}


@app.get("/count")
async def count(db: AsyncSession = Depends(get_async_db)):
    from app import crud

    async def total():
        # Nested: the enclosing function's import is what `crud` is here.
        return await crud.count_users(db)

    return {"n": await total()}


def exported(path, id):
    with open(path) as store:
        return get_user(store, id)
