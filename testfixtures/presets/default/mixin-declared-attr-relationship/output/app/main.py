from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from app.db import get_async_db

app = FastAPI()


@app.get("/tags/{tag_id}/project")
async def read_tag_project(tag_id: int, db: AsyncSession = Depends(get_async_db)):
    return {"name": await crud.tag_project_name(db, tag_id)}


@app.put("/tags/{tag_id}/project")
async def rename(tag_id: int, name: str, db: AsyncSession = Depends(get_async_db)):
    tag = await crud.get_tag(db, tag_id)
    await crud.rename_project(db, tag, name)
    return {"ok": True}
