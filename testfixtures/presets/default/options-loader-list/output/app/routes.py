from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session, selectinload

from app import crud
from app.db import get_async_db, get_db
from app.models import Owner
from sqlalchemy.ext.asyncio import AsyncSession

router = APIRouter()


@router.get("/owners")
async def list_owners(db: AsyncSession = Depends(get_async_db)):
    return [{"id": o.id, "items": [i.name for i in o.items]} for o in await crud.owners_with_items(db)]


@router.get("/items")
async def list_items(db: AsyncSession = Depends(get_async_db)):
    return [{"id": i.id, "owner": i.owner.name} for i in await crud.items_with_owner(db)]


@router.get("/owners/loaded")
def list_owners_loaded(db: Session = Depends(get_db)):
    return [{"id": o.id, "items": len(o.items)} for o in crud.owners_loaded_by(db, [selectinload(Owner.items)])]


@router.get("/items/plain")
async def list_items_plain(db: AsyncSession = Depends(get_async_db)):
    return [i.id for i in await crud.newest_first_cancelled(db)]
