from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User
from app.reports_db import get_async_db

router = APIRouter(prefix="/reports")

# Pasted from another module: the same imports again.
from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User


@router.get("/users/{user_id}")
async def user_report(user_id: int, db: AsyncSession = Depends(get_async_db)):
    user = await db.get(User, user_id)
    return {"name": user.name}
