import asyncio

from fastapi import FastAPI

from .db import count_rows

app = FastAPI()


async def slow_ping() -> str:
    await asyncio.sleep(0)
    return "pong"


@app.get("/ping")
async def ping():
    return {"ping": await slow_ping()}


@app.get("/stats")
def stats():
    return {"items": count_rows("items")}
