import asyncio

from fastapi import Depends
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from app.db import AsyncSessionLocal
from app.deps import get_async_db, get_db
from app.models import User


async def forgot_await(db: AsyncSession = Depends(get_async_db)):
    user = User()
    db.add(user)
    db.commit()
    await db.refresh(user)
    return user


async def misplaced_await(db: AsyncSession):
    return await db.execute(select(User)).scalars().all()


async def correct(db: AsyncSession):
    rows = (await db.execute(select(User))).scalars().all()
    db.expunge_all()
    await (db.flush())
    return rows


async def sync_session_in_async_code(db: Session):
    db.add(User())
    await db.commit()


async def sync_dependency_in_async_code(db=Depends(get_db)):
    return db.execute(select(User)).all()


def sync_code_is_fine(db: AsyncSession):
    db.commit()


async def awaited_by_someone_else(db: AsyncSession):
    await asyncio.gather(db.flush(), other())
    await asyncio.wait_for(db.commit(), timeout=5)
    pending = db.refresh(user)
    await pending


async def factory_made_async_session():
    async with AsyncSessionLocal() as session:
        session.commit()
        rows = session.execute(select(User))
        return rows
