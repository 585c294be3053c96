from contextlib import asynccontextmanager

from fastapi import FastAPI

from . import models
from .database import engine

models.Base.metadata.create_all(bind=engine)


@asynccontextmanager
async def lifespan(app: FastAPI):
    models.Base.metadata.create_all(engine, checkfirst=True)
    yield
    models.Base.metadata.drop_all(bind=engine)


app = FastAPI(lifespan=lifespan)


@app.on_event("startup")
async def on_startup():
    if True:
        models.Base.metadata.create_all(bind=engine)


@app.on_event("startup")
def sync_startup():
    models.Base.metadata.create_all(bind=engine)
