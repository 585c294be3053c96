from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud, models, schemas
from app.database import get_async_db

app = FastAPI()


@app.post("/users", response_model=schemas.UserOut)
async def create_user(email: str, db: AsyncSession = Depends(get_async_db)):
    return await crud.create_user(db, email)


@app.post("/items", response_model=schemas.ItemOut)
async def create_item(title: str, owner_id: int, db: AsyncSession = Depends(get_async_db)):
    return await crud.create_item(db, title, owner_id)


@app.post("/users/audited", response_model=schemas.UserOut)
async def create_user_audited(email: str, db: AsyncSession = Depends(get_async_db)):
    return await crud.create_user_audited(db, email)


@app.post("/users/deep", response_model=schemas.UserDeep)
async def create_user_deep(email: str, db: AsyncSession = Depends(get_async_db)):
    return await crud.create_user_deep(db, email)


@app.post("/users/local", response_model=schemas.UserOut)
async def create_user_here(email: str, db: AsyncSession = Depends(get_async_db)):
    # Constructed and returned by the route itself: the refresh goes before its return too.
    user = models.User(email=email)
    db.add(user)
    await db.commit()
    await db.refresh(user)
    await db.refresh(user, attribute_names=["items"])
    return user
