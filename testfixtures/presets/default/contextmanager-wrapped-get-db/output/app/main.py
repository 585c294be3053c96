import contextlib
from contextlib import contextmanager

from fastapi import FastAPI

from . import crud
from .db import get_db

app = FastAPI()


# The dependency reused as a context manager outside Depends: it still yields the sync Session.
@app.post("/jobs/{name}")
async def start_job(name: str):
    with contextmanager(get_db)() as db:
        return {"id": (await crud.record_job(db, name)).id}


@app.post("/retry/{name}")
async def retry_job(name: str):
    with contextlib.contextmanager(get_db)() as session:
        await crud.record_job(session, name)
    return {"ok": True}
