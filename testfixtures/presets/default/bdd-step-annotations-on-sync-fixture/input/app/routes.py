from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.database import get_db
from app.models import Item

router = APIRouter()


@router.get("/items/{item_id}")
def read_item(item_id: int, db: Session = Depends(get_db)):
    return db.get(Item, item_id)
