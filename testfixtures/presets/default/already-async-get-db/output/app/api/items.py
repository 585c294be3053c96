from fastapi import APIRouter, Depends
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_db
from app.models import Item

router = APIRouter()


class ItemService:
    def __init__(self, db: AsyncSession):
        self.db = db


def get_item_service(db: AsyncSession = Depends(get_db)) -> ItemService:
    return ItemService(db)


@router.get("/items")
async def list_items(db: AsyncSession = Depends(get_db)):
    return (await db.scalars(select(Item))).all()
