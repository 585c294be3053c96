from contextlib import contextmanager as cm

from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from . import crud
from .db import Job, get_async_db, get_db_ctx, get_session, other_db, read_only_db, writer_db

app = FastAPI()


@app.post("/jobs/{name}")
async def create_job(name: str, db: AsyncSession = Depends(get_async_db)):
    return {"id": (await crud.record_job(db, name)).id}


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
async def copy_job(name: str):
    with writer_db() as db:
        await crud.record_job(db, name)
    with cm(get_session)() as session:
        await crud.record_job(session, name + "-copy")
    return {"ok": True}


@app.get("/total")
async def total():
    with other_db() as db:
        return {"total": await crud.count_jobs(db)}
