from fastapi import APIRouter, Depends

from app.db.base import get_db

router = APIRouter()


@router.get("/legacy")
def legacy(db=Depends(get_db)):
    return {"ok": db is not None}
