from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.utils.audit import describe, record

api = APIRouter()


@api.post("/items")
def create_item(db: AsyncSession = Depends(get_async_db)):
    record(db, "create")
    return {"message": describe("create")}
