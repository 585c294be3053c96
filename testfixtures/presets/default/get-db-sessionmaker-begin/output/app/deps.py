from typing import Annotated

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import AsyncSessionLocal, SessionLocal


def get_db():
    # One transaction per request: committed when the handler returns, rolled back when it raises.
    with SessionLocal.begin() as session:
        yield session


async def get_async_db():
    async with AsyncSessionLocal.begin() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_async_db)]
