from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app import crud
from app.db import get_db
from app.models import Item
from app.finder import ItemFinder
from app.service import ItemService

router = APIRouter()


# Its helper `crud.search` keeps a query query-to-select cannot rewrite (`.populate_existing()`), so it stays a plain def
# on the sync session: the handler stays sync on the sync session too, and so does `crud.get_item`, called only here.
@router.get("/items/{item_id}")
def read_item(item_id: int, name: str, db: Session = Depends(get_db)):
    item = crud.get_item(db, item_id)
    others = crud.search(db, [Item.name == name])
    return {"item": item, "others": others}


# The same through a service object built on the session: the query converted here is given back to the sync form.
@router.get("/items/{item_id}/service")
def read_item_service(item_id: int, name: str, db: Session = Depends(get_db)):
    item = db.query(Item).filter(Item.id == item_id).first()
    others = ItemService(db).search([Item.name == name])
    return {"item": item, "others": others}


@router.get("/only-search")
def only_search(name: str, db: Session = Depends(get_db)):
    return crud.search(db, [Item.name == name])


# The same through a method handing the session its object holds to `crud.search`.
@router.get("/items/{item_id}/finder")
def read_item_finder(item_id: int, name: str, db: Session = Depends(get_db)):
    item = db.query(Item).filter(Item.id == item_id).first()
    return {"item": item, "others": ItemFinder(db).named(name)}
