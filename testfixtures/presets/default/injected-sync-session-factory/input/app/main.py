from fastapi import FastAPI

from app.db import SessionLocal
from app.jobs import Worker, item_exists, item_known

app = FastAPI()


@app.get("/items/{name}/exists")
def exists(name: str) -> dict[str, bool]:
    return {"exists": item_exists(name)}


@app.get("/items/{name}/known")
def known(name: str) -> dict[str, bool]:
    return {"known": item_known(name, SessionLocal)}


@app.get("/items/{name}/worker")
def worker_exists(name: str) -> dict[str, bool]:
    return {"exists": Worker().run(name)}
