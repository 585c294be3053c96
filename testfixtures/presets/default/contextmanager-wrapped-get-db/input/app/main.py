import contextlib
from contextlib import contextmanager

from fastapi import FastAPI

from . import crud
from .db import get_db

app = FastAPI()


# The dependency reused as a context manager outside Depends: it still yields the sync Session.
@app.post("/jobs/{name}")
def start_job(name: str):
    with contextmanager(get_db)() as db:
        return {"id": crud.record_job(db, name).id}


@app.post("/retry/{name}")
def retry_job(name: str):
    with contextlib.contextmanager(get_db)() as session:
        crud.record_job(session, name)
    return {"ok": True}
