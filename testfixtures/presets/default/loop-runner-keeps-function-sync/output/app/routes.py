from asyncio import run as run_async

from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from app.db import Item, get_async_db, get_db
from app.notify import notify
from sqlalchemy.orm import Session

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
async def read_item(item_id: int, db: AsyncSession = Depends(get_async_db)):
    item = await crud.get_item(db, item_id)
    return {"name": item.name if item else None}
