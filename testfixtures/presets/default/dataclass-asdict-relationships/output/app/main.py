from dataclasses import asdict
from typing import Annotated

from fastapi import Depends, FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db
from app.models import User
from sqlalchemy.orm import selectinload

app = FastAPI()

SessionDep = Annotated[AsyncSession, Depends(get_async_db)]


@app.get("/users/{user_id}/export")
async def export_user(user_id: int, session: SessionDep):
    user = await session.scalar(select(User).options(selectinload(User.todos)).where(User.id == user_id))
    return asdict(user)
