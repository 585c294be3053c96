from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from . import crud, db as database
from .db import db_session, get_async_db, session

app = FastAPI()


@app.post("/tags/{label}")
async def create_tag(label: str, db: AsyncSession = Depends(get_async_db)):
    return {"id": (await crud.create_tag(db, label)).id}


@app.post("/registry/{label}")
async def create_tag_registry(label: str):
    tag = await crud.create_tag(db_session, label)
    db_session.remove()
    return {"id": tag.id}


@app.post("/global/{label}")
async def create_tag_global(label: str):
    return {"id": (await crud.create_tag(session, label)).id}


@app.get("/count")
async def count():
    return {"n": await crud.count_tags(database.session)}
