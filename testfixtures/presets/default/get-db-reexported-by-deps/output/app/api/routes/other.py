from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.api import get_async_db
from app.crud import rename

router = APIRouter()


@router.put("/other/{item_id}")
async def put_other(item_id: int, db: AsyncSession = Depends(get_async_db)):
    return {"id": await rename(db, item_id, "other")}
