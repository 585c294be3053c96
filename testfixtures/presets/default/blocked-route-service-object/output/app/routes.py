from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db, get_db
from app.service import ItemService
from sqlalchemy.orm import Session

router = APIRouter()


@router.get("/items/{item_id}")
async def read_item(item_id: int, db: AsyncSession = Depends(get_async_db)):
    return await ItemService(db).get(item_id)


# It hands its session to a service object whose method it calls stays sync: it keeps the sync session.
@router.put("/items/{item_id}")
def rename_item(item_id: int, name: str, db: Session = Depends(get_db)):
    service = ItemService(db)
    return service.rename(item_id, name)
