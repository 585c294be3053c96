from typing import List

from fastapi import APIRouter, Depends
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from .. import crud, models, schemas
from ..deps import get_async_db
from ..models import User
from sqlalchemy.orm import selectinload

router = APIRouter()


@router.get("/users/{user_id}", response_model=schemas.UserOut)
async def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    user = await db.scalar(select(User).options(selectinload(User.items).selectinload(models.Item.tags)).where(User.id == user_id))
    return user


@router.get("/users", response_model=List[schemas.UserOut])
def list_users(db: AsyncSession = Depends(get_async_db)):
    return (await db.scalars(select(models.User).options(selectinload(models.User.items).selectinload(models.Item.tags)).order_by(models.User.id))).all()


@router.get("/users/{user_id}/brief")
async def brief(user_id: int, db: AsyncSession = Depends(get_async_db)) -> schemas.UserBrief:
    return await db.scalar(select(User).where(User.id == user_id))


@router.get("/crud/{user_id}", response_model=schemas.UserOut)
async def via_crud(user_id: int, db: AsyncSession = Depends(get_async_db)):
    return await crud.get_user(db, user_id)


@router.post("/users", response_model=schemas.UserOut)
async def create_user(body: schemas.UserCreate, db: AsyncSession = Depends(get_async_db)):
    user = User(email=body.email)
    db.add(user)
    await db.commit()
    return user


@router.get("/items/{item_id}/owner-email")
async def owner_email(item_id: int, db: AsyncSession = Depends(get_async_db)):
    item = await db.get(models.Item, item_id, options=[selectinload(models.Item.owner), selectinload(models.Item.tags)])
    return {"email": item.owner.email, "tags": [t.name for t in item.tags]}
