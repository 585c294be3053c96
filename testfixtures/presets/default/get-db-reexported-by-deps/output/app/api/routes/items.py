from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.api import deps
from app.crud import rename

router = APIRouter()


@router.put("/items/{item_id}")
async def put_item(item_id: int, name: str, db: AsyncSession = Depends(deps.get_async_db), token: str = Depends(deps.get_token)):
    return {"id": await rename(db, item_id, name)}
