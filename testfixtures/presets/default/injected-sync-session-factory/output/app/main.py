from fastapi import FastAPI

from app.db import SessionLocal
from app.jobs import Worker, item_exists, item_known

app = FastAPI()


@app.get("/items/{name}/exists")
async def exists(name: str) -> dict[str, bool]:
    return {"exists": await item_exists(name)}


@app.get("/items/{name}/known")
async def known(name: str) -> dict[str, bool]:
    return {"known": await item_known(name, SessionLocal)}


@app.get("/items/{name}/worker")
async def worker_exists(name: str) -> dict[str, bool]:
    return {"exists": await Worker().run(name)}
