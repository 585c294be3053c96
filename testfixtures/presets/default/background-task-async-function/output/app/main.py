from fastapi import BackgroundTasks, Depends, FastAPI
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.background import BackgroundTask
from starlette.responses import JSONResponse

from .db import AsyncSessionLocal, get_async_db, get_db
from .tasks import export_items, log_rename, notify, rename_item
from sqlalchemy.ext.asyncio import AsyncSession

JobSession = sessionmaker(bind=create_engine("postgresql://jobs@db/jobs"))

app = FastAPI()


@app.post("/items/{item_id}/rename")
def rename(item_id: int, name: str, background_tasks: BackgroundTasks, db: AsyncSession = Depends(get_async_db)):
    background_tasks.add_task(rename_item, db, item_id, name)
    background_tasks.add_task(notify, db, item_id)
    background_tasks.add_task(log_rename, item_id)
    return {"ok": True}


@app.post("/items/{item_id}/later")
def rename_later(item_id: int, db: AsyncSession = Depends(get_async_db)):
    return JSONResponse({"ok": True}, background=BackgroundTask(rename_item, db, item_id, "later"))


@app.post("/jobs/{item_id}")
def start_job(item_id: int, background_tasks: BackgroundTasks):
    db = JobSession()
    background_tasks.add_task(rename_item, db, item_id, "job")
    return {"ok": True}


@app.post("/export")
def export(background_tasks: BackgroundTasks, db: Session = Depends(get_db)):
    background_tasks.add_task(export_items, db)
    return {"ok": True}


@app.post("/jobs/{item_id}/own")
def start_own_job(item_id: int, background_tasks: BackgroundTasks):
    db = AsyncSessionLocal()
    background_tasks.add_task(rename_item, db, item_id, "own")
    return {"ok": True}
