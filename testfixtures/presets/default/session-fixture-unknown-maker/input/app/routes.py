from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.database import get_db
from app.repository import ItemRepository

router = APIRouter()


@router.get("/items/{item_id}")
def read_item(item_id: int, db: Session = Depends(get_db)):
    return ItemRepository(db).get(item_id)
