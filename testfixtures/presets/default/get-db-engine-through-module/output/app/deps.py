from typing import Annotated

from fastapi import Depends
from sqlmodel import Session

from app import database
from sqlmodel.ext.asyncio.session import AsyncSession


def get_db():
    with Session(database.engine) as session:
        yield session


async def get_async_db():
    async with AsyncSession(database.async_engine, expire_on_commit=False) as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_async_db)]
