# Code an async route runs in a worker thread (anyio.to_thread.run_sync, asyncio.to_thread, a wrapper not awaited
# where it is written) is called there synchronously: it keeps its sync session and stays a plain def, and so do
# the helpers only it calls (their Session annotation stays). A wrapper awaited where it is written is removed
# instead, and what it ran becomes async (see the threadpool fixture of propagate-async).
import asyncio

import anyio
from fastapi import APIRouter
from sqlalchemy import select
from sqlalchemy.orm import Session

from .db import SessionLocal
from .models import Item

router = APIRouter()


def set_name(session: Session, item: Item, name: str) -> Item:
    others = session.execute(select(Item).where(Item.name == name)).scalars().all()
    item.name = name if not others else f"{name}-{len(others)}"
    return item


def rename_sync(item_id: int, name: str) -> dict:
    with SessionLocal() as session:
        item = session.get(Item, item_id)
        item = set_name(session, item, name)
        session.commit()
        return {"id": item.id, "name": item.name}


def count_sync() -> int:
    session = SessionLocal()
    try:
        return len(session.execute(select(Item)).scalars().all())
    finally:
        session.close()


@router.post("/items/{item_id}/rename")
async def rename_route(item_id: int, name: str):
    work = anyio.to_thread.run_sync(rename_sync, item_id, name)
    return await work


@router.get("/items/count")
async def count_route():
    pending = asyncio.to_thread(count_sync)
    return {"count": await pending}
