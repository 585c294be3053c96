from typing import Optional

from fastapi import Depends
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.models import User
from sqlalchemy import select


class TokenData(BaseModel):
    id: Optional[str] = None


def decode(token: str) -> dict:
    return {"user_id": token}


async def current_user(token: str, db: AsyncSession = Depends(get_async_db)):
    payload = decode(token)
    user_id: str = payload.get("user_id")
    return await db.scalar(select(User).where(User.id == user_id).limit(1))


async def user_for(data: TokenData, db: AsyncSession):
    return await db.scalar(select(User).where(User.id == data.id).limit(1))


async def converted_user(token: str, db: AsyncSession = Depends(get_async_db)):
    user_id: str = decode(token)["user_id"]
    user_id = int(user_id)
    return await db.scalar(select(User).where(User.id == user_id).limit(1))


def verify(token: str):
    payload = decode(token)
    token_data = TokenData(id=payload.get("user_id"))
    return token_data


async def user_from_token(token: str, db: AsyncSession = Depends(get_async_db)):
    token = verify(token)
    return await db.scalar(select(User).where(User.id == token.id).limit(1))
