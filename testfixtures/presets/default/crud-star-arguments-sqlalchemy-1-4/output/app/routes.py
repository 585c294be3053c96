from typing import Optional

from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app import crud
from app.db import get_async_db, get_db
from app.models import Item
from sqlalchemy.orm import Session

router = APIRouter()


@router.get("/items")
async def list_items(name: Optional[str] = None, active: Optional[bool] = None, db: AsyncSession = Depends(get_async_db)):
    return [{"id": i.id, "name": i.name} for i in await crud.search_items(db, name=name, active=active)]


@router.get("/items/by-name/{name}")
async def item_by_name(name: str, db: AsyncSession = Depends(get_async_db)):
    item = await crud.find_item(db, name=name)
    return {"id": item.id} if item else None


@router.get("/owners")
async def list_owners(db: AsyncSession = Depends(get_async_db)):
    return [{"id": o.id, "items": [i.name for i in o.items]} for o in await crud.owners_with_items(db)]


@router.get("/item-names")
def item_names(db: Session = Depends(get_db)):
    return [tuple(r) for r in crud.columns_of_items(db, [Item.id, Item.name])]
