import asyncio

from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud, spawn
from app.crud import TaskRepo
from app.deps import get_async_db

app = FastAPI()


@app.post("/tasks")
async def post_task(name: str, db: AsyncSession = Depends(get_async_db)):
    task = await crud.create_task(db, name)
    repo = TaskRepo(db)
    await repo.create_task(db, name)
    return {"id": task.id}


@app.post("/tasks/background")
async def background(name: str, db: AsyncSession = Depends(get_async_db)):
    spawn.create_task(crud.create_task(db, name))
    asyncio.create_task(crud.create_task(db, name))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(crud.create_task(db, name))
    return {}
