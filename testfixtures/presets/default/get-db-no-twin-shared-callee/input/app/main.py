from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app import crud, other_db
from app.config import settings
from app.database import init_engine
from app.deps import DbDep
from app.models import Base

app = FastAPI()
Base.metadata.create_all(bind=init_engine(settings.DATABASE_URL))


# Injected through an alias of a get_db with no twin: it stays sync, and so does crud.create_item.
@app.post("/items")
def create_item(name: str, db: DbDep):
    item = crud.create_item(db, name)
    return {"id": item.id, "name": item.name}


@app.get("/other/{item_id}")
def read_other(item_id: int, db: Session = Depends(other_db.get_db)):
    item = crud.get_item(db, item_id)
    return {"found": item is not None}


# Its session is the sync one of get_db (no twin), but crud.get_item stays async for read_other:
# it cannot stay sync, and is flagged.
@app.get("/items/{item_id}")
def read_item(item_id: int, db: DbDep):
    item = crud.get_item(db, item_id)
    return {"id": item.id, "name": item.name}
