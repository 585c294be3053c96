from typing import Optional

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app import crud
from app.db import get_db
from app.models import Item

router = APIRouter()


@router.get("/items")
def list_items(name: Optional[str] = None, active: Optional[bool] = None, db: Session = Depends(get_db)):
    return [{"id": i.id, "name": i.name} for i in crud.search_items(db, name=name, active=active)]


@router.get("/items/by-name/{name}")
def item_by_name(name: str, db: Session = Depends(get_db)):
    item = crud.find_item(db, name=name)
    return {"id": item.id} if item else None


@router.get("/owners")
def list_owners(db: Session = Depends(get_db)):
    return [{"id": o.id, "items": [i.name for i in o.items]} for o in crud.owners_with_items(db)]


@router.get("/item-names")
def item_names(db: Session = Depends(get_db)):
    return [tuple(r) for r in crud.columns_of_items(db, [Item.id, Item.name])]
