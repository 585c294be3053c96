from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import get_async_db
from app.services import user_service

users_router = APIRouter()


@users_router.get("/users/{user_id}")
def read_user(user_id: int, db: AsyncSession = Depends(get_async_db)):
    user = user_service.get_user(db, user_id)
    if not user:
        raise HTTPException(status_code=404)
    return user


@users_router.delete("/users/{user_id}")
def delete_user(user_id: int, db: AsyncSession = Depends(get_async_db)):  # keeps its comment
    from app import crud

    return crud.user.remove(db, id=user_id)


@users_router.get("/health")
def health():
    return {"ok": True}
