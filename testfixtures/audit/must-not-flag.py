# An async app that has finished its migration: nothing here is reported.
import asyncio
import time

import aiofiles
from fastapi import APIRouter, Depends
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.deps import get_async_db
from app.models import Item

router = APIRouter()


@router.get("/ping")
def ping():
    return {"pong": time.time()}


@router.get("/items")
async def list_items(db: AsyncSession = Depends(get_async_db)):
    await asyncio.sleep(0)
    return (await db.scalars(select(Item))).all()


@router.get("/export")
async def export(db: AsyncSession = Depends(get_async_db)):
    async with aiofiles.open("/tmp/export.csv", "w") as handle:
        await handle.write("id\n")
    db.add(Item())
    await db.commit()


def warm_cache():
    time.sleep(1)


def open(name):
    return name


async def uses_local_open():
    return open("x")
