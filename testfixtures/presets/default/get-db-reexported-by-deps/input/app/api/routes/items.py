from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.api import deps
from app.crud import rename

router = APIRouter()


@router.put("/items/{item_id}")
def put_item(item_id: int, name: str, db: Session = Depends(deps.get_db), token: str = Depends(deps.get_token)):
    return {"id": rename(db, item_id, name)}
