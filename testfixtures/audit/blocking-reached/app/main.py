import asyncio
import time

import httpx
import requests
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from .clients import Notifier, Plain, Webhook, client, ping, session

app = FastAPI()
shared = httpx.Client()


def fetch(c: httpx.Client, url: str):
    return c.get(url, timeout=1)


class Mailer:
    def __init__(self):
        self.http = requests.Session()

    async def send(self, to: str):
        return self.http.post("https://mail.example.com/send", json={"to": to})


@app.get("/items")
async def read_items(urls: str):
    # A generator expression iterated at once, a list comprehension, a sort key: they run here.
    alive = any(requests.get(u, timeout=1).ok for u in urls.split(","))
    codes = [requests.head(u, timeout=1).status_code for u in urls.split(",")]
    ordered = sorted(urls.split(","), key=lambda u: requests.get(u, timeout=1).elapsed)
    # Clients made elsewhere: their requests block; so do project helpers making requests.
    client.get("https://example.com/a")
    session.post("https://example.com/b")
    shared.get("https://example.com/c")
    fetch(shared, "https://example.com/d")
    up = ping("https://example.com/e")
    return {"alive": alive, "codes": codes, "ordered": ordered, "up": up}


@app.post("/items")
async def create_item(name: str):
    # A project class whose __init__ blocks; one that only makes a client (its method's request blocks).
    Notifier("https://example.com/created")
    hook = Webhook("https://example.com/hook")
    hook.send(name)
    await Mailer().send(name)
    # A client made here is reported where it is made, not at each request.
    with requests.Session() as s:
        s.get("https://example.com/f")
    return {"label": Plain(name).name}


@app.get("/fine")
async def fine(url: str):
    # None of these block the event loop here: a lambda kept for later, a generator expression not iterated here,
    # one a StreamingResponse iterates (in its threadpool), a project class whose __init__ does not block,
    # blocking work handed to a thread, async APIs.
    later = lambda: requests.get(url, timeout=1)  # noqa: E731
    lazy = (requests.get(u) for u in [url])
    stream = StreamingResponse(requests.get(u).text for u in [url])
    async with httpx.AsyncClient() as ac:
        await ac.get(url)
    await asyncio.sleep(0.1)
    await run_in_threadpool(requests.get, url)
    await run_in_threadpool(lambda: requests.get(url, timeout=1))
    await run_in_threadpool(fetch, shared, url)
    await asyncio.to_thread(time.sleep, 0.1)
    return {"name": Plain(url).name, "later": later, "lazy": lazy, "stream": stream}


def sync_route_is_not_audited(url: str):
    client.get(url)
    return Notifier(url)


async def maintenance(path: str):
    from .helpers import backoff, git_head, read_config

    backoff(0.5)
    head = git_head()
    return {"head": head, "config": read_config(path)}
