from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.api.deps import get_db
from app.db import get_engine
from app.models import Base
from app.repo import ItemRepository


@asynccontextmanager
async def lifespan(app: FastAPI):
    Base.metadata.create_all(bind=get_engine())
    yield


app = FastAPI(lifespan=lifespan)


@app.post("/items")
def create(name: str, db: Session = Depends(get_db)):
    return {"id": ItemRepository(db).add(name).id}


@app.get("/items/{item_id}")
def read(item_id: int, db: Session = Depends(get_db)):
    item = ItemRepository(db).get(item_id)
    return {"name": item.name if item else None}


@app.get("/items")
def count(db: Session = Depends(get_db)):
    return {"count": ItemRepository(db).count()}
