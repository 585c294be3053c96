from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.services.mail import count_users, welcome_text

router = APIRouter()


@router.get("/welcome/{user_id}")
async def preview(user_id: int, db: AsyncSession = Depends(get_async_db)):
    return {"text": await welcome_text(db, user_id)}


# An async caller keeps count_users async: the sync callers below are flagged, not given a sync variant.
@router.get("/users/count")
async def user_count(db: AsyncSession = Depends(get_async_db)):
    return {"count": await count_users(db)}


class Stats:
    def __init__(self, db: AsyncSession):
        self.total = count_users(db)

    @property
    def summary(self) -> str:
        return f"{count_users(self.db)} users"

    def __repr__(self) -> str:
        return f"<Stats {count_users(self.db)}>"
