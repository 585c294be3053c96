from contextlib import contextmanager as cm

from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from . import crud
from .db import Job, get_db, get_db_ctx, get_session, other_db, read_only_db, writer_db

app = FastAPI()


@app.post("/jobs/{name}")
def create_job(name: str, db: Session = Depends(get_db)):
    return {"id": crud.record_job(db, name).id}


@app.get("/jobs/count")
def jobs_count():
    with read_only_db() as db:
        return {"count": db.query(Job).count()}


@app.get("/jobs/{job_id}")
def read_job(job_id: int):
    with get_db_ctx() as db:
        job = db.get(Job, job_id)
        return {"name": job.name if job else None}


@app.put("/jobs/{job_id}")
def rename_job(job_id: int, name: str):
    with writer_db() as db:
        job = db.get(Job, job_id)
        job.name = name
    return {"ok": True}


# The sync sessions these context managers yield, handed to functions made async: flagged at the argument.
@app.post("/jobs/{name}/copy")
def copy_job(name: str):
    with writer_db() as db:
        crud.record_job(db, name)
    with cm(get_session)() as session:
        crud.record_job(session, name + "-copy")
    return {"ok": True}


@app.get("/total")
def total():
    with other_db() as db:
        return {"total": crud.count_jobs(db)}
