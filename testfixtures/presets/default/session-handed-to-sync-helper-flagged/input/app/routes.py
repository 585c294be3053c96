from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app import crud
from app.db import get_db
from app.helpers import find_named
from app.lookup import ItemLookup
from app.models import Item
from app.service import ItemService

router = APIRouter()


@router.get("/items/{item_id}")
def read_item(item_id: int, db: Session = Depends(get_db)):
    return crud.get_item(db, item_id)


# `crud.get_item` becomes async for `read_item`, so this handler cannot stay on the sync session, and cannot become
# async either: `find_named` hands the session on to `crud.search`, which keeps a legacy query. Broken either way:
# flagged at both calls.
@router.get("/items/{item_id}/named")
def read_item_named(item_id: int, name: str, db: Session = Depends(get_db)):
    item = crud.get_item(db, item_id)
    others = find_named(db, name)
    return {"item": item, "others": others}


# Already async: it gets the AsyncSession now, and hands it to sync code: flagged at the call.
@router.get("/already-async")
async def already_async(name: str, db: Session = Depends(get_db)):
    return crud.search(db, [Item.name == name])


# Through a service object built on the session: `ItemService.search` hands the session it holds to `crud.search`,
# while `ItemService.get` becomes async with `crud.get_item`: flagged at both calls.
@router.get("/items/{item_id}/service")
def read_item_service(item_id: int, name: str, db: Session = Depends(get_db)):
    service = ItemService(db)
    item = service.get(item_id)
    others = service.search([Item.name == name])
    return {"item": item, "others": others}


@router.get("/lookup")
def lookup(name: str, db: Session = Depends(get_db)):
    return ItemLookup(db).named(name)


@router.get("/lookup-async")
async def lookup_async(name: str, db: Session = Depends(get_db)):
    return ItemLookup(db).named(name)
