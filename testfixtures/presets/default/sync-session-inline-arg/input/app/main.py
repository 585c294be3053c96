from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import SessionLocal, engine, get_db
from app.models import Tag
from app.seed import init_db


@asynccontextmanager
async def lifespan(app: FastAPI):
    init_db(Session(engine))
    yield


app = FastAPI(lifespan=lifespan)


@app.on_event("startup")
def seed_again():
    init_db(SessionLocal())


@app.get("/tags")
def tags(db: Session = Depends(get_db)):
    init_db(db)
    return [t.name for t in db.query(Tag).all()]


@app.on_event("startup")
def seed_from_dependency():
    init_db(next(get_db()))
