from asyncio import run as run_async

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app import crud
from app.db import Item, get_db
from app.notify import notify

router = APIRouter()


@router.post("/items")
def create_item(name: str, db: Session = Depends(get_db)):
    # asyncio.run cannot run in the event loop an async handler runs in: the handler keeps its sync session.
    item = Item(name=name)
    db.add(item)
    db.commit()
    run_async(notify(item.id))
    return {"id": item.id}


@router.get("/items/{item_id}")
def read_item(item_id: int, db: Session = Depends(get_db)):
    item = crud.get_item(db, item_id)
    return {"name": item.name if item else None}
