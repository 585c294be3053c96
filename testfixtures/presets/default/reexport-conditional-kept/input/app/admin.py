from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

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
