from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud, models, schemas
from app.database import get_async_db

app = FastAPI()


@app.post("/users", response_model=schemas.UserWithItems)
async def create_user(email: str, db: AsyncSession = Depends(get_async_db)):
    db_user = models.User(email=email)
    db.add(db_user)
    await db.commit()
    await db.refresh(db_user)
    return db_user


@app.post("/items", response_model=schemas.ItemOut)
async def create_item(title: str, owner_id: int, db: AsyncSession = Depends(get_async_db)):
    return await crud.create_item(db, title, owner_id)
