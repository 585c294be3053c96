import time

import httpx
import requests
from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from . import crud, models
from .database import get_async_db
from .hooks import archive, label, notify, quiet_ping

app = FastAPI()


@app.get("/items/{item_id}")
async def read_item(item_id: int, db: AsyncSession = Depends(get_async_db)):
    item = await crud.get_item(db, item_id)
    requests.get("https://example.com/audit", params={"item": item_id}, timeout=5)
    time.sleep(0.1)
    notify(item.name)
    archive(item.name)
    return {"name": label(item.name)}


@app.post("/items")
async def create_item(name: str, db: AsyncSession = Depends(get_async_db)):
    item = models.Item(name=name)
    db.add(item)
    await db.commit()
    time.sleep(0.1)  # awaitify: ignore
    quiet_ping()
    with httpx.Client() as client:
        client.post("https://example.com/created", json={"name": name})
    return {"id": item.id}


@app.get("/count")
async def count(db: AsyncSession = Depends(get_async_db)):
    return {"count": await crud.count_items(db)}


@app.get("/status")
def status():
    # Stays sync (no database work): FastAPI keeps running it in its threadpool.
    time.sleep(0.1)
    return {"ok": requests.get("https://example.com/ping", timeout=1).ok}


@app.get("/ping")
async def ping():
    # Already async before the run: the audit's to report.
    time.sleep(0.1)
    async with httpx.AsyncClient() as client:
        response = await client.get("https://example.com/ping")
    return {"ok": response.is_success}
