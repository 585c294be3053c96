from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session, selectinload

from app import crud
from app.db import get_db
from app.models import Owner

router = APIRouter()


@router.get("/owners")
def list_owners(db: Session = Depends(get_db)):
    return [{"id": o.id, "items": [i.name for i in o.items]} for o in crud.owners_with_items(db)]


@router.get("/items")
def list_items(db: Session = Depends(get_db)):
    return [{"id": i.id, "owner": i.owner.name} for i in crud.items_with_owner(db)]


@router.get("/owners/loaded")
def list_owners_loaded(db: Session = Depends(get_db)):
    return [{"id": o.id, "items": len(o.items)} for o in crud.owners_loaded_by(db, [selectinload(Owner.items)])]


@router.get("/items/plain")
def list_items_plain(db: Session = Depends(get_db)):
    return [i.id for i in crud.newest_first_cancelled(db)]
