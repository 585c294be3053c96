from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from app.db import engine, get_async_db
from app.models import Base

Base.metadata.create_all(bind=engine)

app = FastAPI()


@app.post("/users")
async def create_user(email: str, db: AsyncSession = Depends(get_async_db)):
    if await crud.user.get_by_email(db, email):
        raise HTTPException(status_code=400, detail="taken")
    user = await crud.user.create(db, {"email": email})
    return {"id": user.id, "email": user.email}


@app.get("/users/{user_id}")
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    user = await crud.user.get(db, user_id)
    if user is None:
        raise HTTPException(status_code=404)
    return {"id": user.id, "email": user.email}


@app.post("/users/{user_id}/items")
async def create_item(user_id: int, title: str, db: AsyncSession = Depends(get_async_db)):
    item = await crud.item.create(db, {"title": title, "owner_id": user_id})
    return {"id": item.id, "title": item.title}


@app.get("/users/{user_id}/items")
async def read_items(user_id: int, db: AsyncSession = Depends(get_async_db)):
    return [{"id": i.id, "title": i.title} for i in await crud.item.get_multi_by_owner(db, user_id)]


@app.delete("/items/{item_id}")
async def delete_item(item_id: int, db: AsyncSession = Depends(get_async_db)):
    item = await crud.item.remove(db, item_id)
    return {"id": item.id}


@app.get("/items")
async def list_items(db: AsyncSession = Depends(get_async_db)):
    return [{"id": i.id} for i in await crud.item.get_multi(db, limit=10)]
