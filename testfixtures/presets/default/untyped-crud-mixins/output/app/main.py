from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from app.db import get_async_db, get_db
from sqlalchemy.orm import Session

app = FastAPI()


@app.post("/users")
async def create_user(email: str, db: AsyncSession = Depends(get_async_db)):
    if await crud.user.by_email(db, email):
        raise HTTPException(status_code=400)
    return {"id": (await crud.user.create(db, {"email": email})).id}


@app.get("/users/{user_id}")
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    found = await crud.user.get(db, user_id)
    if found is None:
        raise HTTPException(status_code=404)
    return {"email": found.email, "active": found.active}


@app.post("/users/{user_id}/deactivate")
async def deactivate(user_id: int, db: AsyncSession = Depends(get_async_db)):
    return {"active": (await crud.user.deactivate(db, user_id)).active}


@app.get("/audited/count")
def audited_count(db: Session = Depends(get_db)):
    # AuditedCounter's MRO starts with a class awaitify cannot read (it may define `count`): not inferred through it.
    return {"n": crud.audited.count(db)}
