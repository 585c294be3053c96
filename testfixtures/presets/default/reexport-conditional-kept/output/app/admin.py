from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app import workers
from app.models import Item
from app.workers import get_db

router = APIRouter()


# Which get_db this is depends on the `try`: the route stays sync on the sync Session.
@router.delete("/items/{item_id}")
def delete_item(item_id: int, db: Session = Depends(get_db)):
    item = db.get(Item, item_id)
    if item:
        db.delete(item)
        db.commit()
    return {"deleted": item is not None}


@router.get("/items/{item_id}/name")
def item_name(item_id: int, db: Session = Depends(workers.get_db)):
    item = db.get(Item, item_id)
    return {"name": item.name if item else None}
