from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.helpers import fetch_member, touch
from app.models import Member
from app.service import rename

router = APIRouter()


@router.get("/members/{member_id}")
async def read_member(member_id: int, db: AsyncSession = Depends(get_async_db)):
    # Awaits db.get after the migration, so it is async and hands its helpers an AsyncSession.
    if await db.get(Member, member_id) is None:
        return None
    await touch(db, stats=db)
    return await fetch_member(db, member_id)


@router.put("/members/{member_id}")
async def update_member(member_id: int, name: str, db: AsyncSession = Depends(get_async_db)):
    return await rename(db, member_id, name)
