from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.helpers import fetch_member, touch
from app.service import rename

router = APIRouter()


@router.get("/members/{member_id}")
def read_member(member_id: int, db: AsyncSession = Depends(get_async_db)):
    touch(db, stats=db)
    return fetch_member(db, member_id)


@router.put("/members/{member_id}")
async def update_member(member_id: int, name: str, db: AsyncSession = Depends(get_async_db)):
    return await rename(db, member_id, name)
