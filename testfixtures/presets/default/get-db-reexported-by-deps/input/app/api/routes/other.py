from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.api import get_db
from app.crud import rename

router = APIRouter()


@router.put("/other/{item_id}")
def put_other(item_id: int, db: Session = Depends(get_db)):
    return {"id": rename(db, item_id, "other")}
