from fastapi import APIRouter, Depends
from sqlmodel import Session

from app import crud
from app.dao import ItemDAO
from app.database import get_db
from app.models import Item

router = APIRouter()


@router.get("/items")
def list_items(offset: int = 0, limit: int = 10, dao: ItemDAO = Depends(ItemDAO)) -> list[Item]:
    return dao.get_list(offset, limit)


@router.post("/items")
def create_item(item: Item, dao: ItemDAO = Depends(ItemDAO)) -> Item:
    return dao.create(item)


@router.put("/items/{item_id}")
def rename_item(item_id: int, name: str, db: Session = Depends(get_db)) -> Item:
    return crud.rename(db, item_id, name)


@router.get("/names")
def list_names(db: Session = Depends(get_db)) -> list[str]:
    return crud.names(db)
