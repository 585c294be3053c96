from fastapi import APIRouter, Depends
from sqlmodel.ext.asyncio.session import AsyncSession

from app import crud
from app.dao import ItemDAO
from app.database import get_async_db
from app.models import Item

router = APIRouter()


@router.get("/items")
async def list_items(offset: int = 0, limit: int = 10, dao: ItemDAO = Depends(ItemDAO)) -> list[Item]:
    return await dao.get_list(offset, limit)


@router.post("/items")
async def create_item(item: Item, dao: ItemDAO = Depends(ItemDAO)) -> Item:
    return await dao.create(item)


@router.put("/items/{item_id}")
async def rename_item(item_id: int, name: str, db: AsyncSession = Depends(get_async_db)) -> Item:
    return await crud.rename(db, item_id, name)


@router.get("/names")
async def list_names(db: AsyncSession = Depends(get_async_db)) -> list[str]:
    return await crud.names(db)
