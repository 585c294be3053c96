from contextlib import asynccontextmanager

from fastapi import FastAPI

from . import models
from .database import async_engine, engine

models.Base.metadata.create_all(bind=engine)


@asynccontextmanager
async def lifespan(app: FastAPI):
    async with async_engine.begin() as conn:
        await conn.run_sync(models.Base.metadata.create_all, checkfirst=True)
    yield
    async with async_engine.begin() as conn:
        await conn.run_sync(models.Base.metadata.drop_all)
    await async_engine.dispose()


app = FastAPI(lifespan=lifespan)


@app.on_event("startup")
async def on_startup():
    if True:
        async with async_engine.begin() as conn:
            await conn.run_sync(models.Base.metadata.create_all)


@app.on_event("startup")
def sync_startup():
    models.Base.metadata.create_all(bind=engine)
