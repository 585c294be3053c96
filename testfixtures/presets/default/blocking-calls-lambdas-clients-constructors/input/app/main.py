import asyncio
import time

import httpx
import requests
from fastapi import Depends, FastAPI
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from . import models
from .database import get_db
from .clients import Notifier, Plain, Webhook, client, session

app = FastAPI()
shared = httpx.Client()


def fetch(c: httpx.Client, url: str):
    return c.get(url, timeout=1)


@app.get("/items/{item_id}")
def read_item(item_id: int, urls: str, db: Session = Depends(get_db)):
    item = db.get(models.Item, item_id)
    # A generator expression iterated at once, a list comprehension, a sort key: they run here.
    alive = any(requests.get(u, timeout=1).ok for u in urls.split(","))
    codes = [requests.head(u, timeout=1).status_code for u in urls.split(",")]
    ordered = sorted(urls.split(","), key=lambda u: requests.get(u, timeout=1).elapsed)
    # Clients made elsewhere: their requests block.
    client.get("https://example.com/a")
    session.post("https://example.com/b")
    shared.get("https://example.com/c")
    fetch(shared, "https://example.com/d")
    return {"name": item.name, "alive": alive, "codes": codes, "ordered": ordered}


@app.post("/items")
def create_item(name: str, db: Session = Depends(get_db)):
    item = models.Item(name=name)
    db.add(item)
    db.commit()
    # A project class whose __init__ blocks; one that only makes a client (its method's request blocks).
    Notifier("https://example.com/created")
    hook = Webhook("https://example.com/hook")
    hook.send(name)
    return {"id": item.id, "label": Plain(name).name}


@app.get("/items/{item_id}/fine")
def read_item_fine(item_id: int, url: str, db: Session = Depends(get_db)):
    item = db.get(models.Item, item_id)
    # None of these block the event loop here: a lambda kept for later, a generator expression not iterated here,
    # one a StreamingResponse iterates (in its threadpool), a project class whose __init__ does not block.
    fetch = lambda: requests.get(url, timeout=1)  # noqa: E731
    lazy = (requests.get(u) for u in [url])
    stream = StreamingResponse(requests.get(u).text for u in [url])
    return {"name": Plain(item.name).name, "fetch": fetch, "lazy": lazy, "stream": stream}


# Already async before the run (the audit's to report), and none of it blocks anyway.
async def uses_async_apis(url: str):
    async with httpx.AsyncClient() as ac:
        await ac.get(url)
    await asyncio.sleep(0.1)
    await run_in_threadpool(requests.get, url)
    await run_in_threadpool(lambda: requests.get(url, timeout=1))
    await asyncio.to_thread(time.sleep, 0.1)
