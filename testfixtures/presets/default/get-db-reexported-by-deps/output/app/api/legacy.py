from fastapi import APIRouter, Depends

from app.db.base import get_async_db

router = APIRouter()


@router.get("/legacy")
def legacy(db=Depends(get_async_db)):
    return {"ok": db is not None}
