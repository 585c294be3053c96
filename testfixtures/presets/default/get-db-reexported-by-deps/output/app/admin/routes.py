from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.admin import deps as admin_deps
from app.crud import rename

router = APIRouter()


@router.put("/admin/{item_id}")
async def put_admin(item_id: int, db: AsyncSession = Depends(admin_deps.get_async_db)):
    return {"id": await rename(db, item_id, "admin")}
