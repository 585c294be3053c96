from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.admin import deps as admin_deps
from app.crud import rename

router = APIRouter()


@router.put("/admin/{item_id}")
def put_admin(item_id: int, db: Session = Depends(admin_deps.get_db)):
    return {"id": rename(db, item_id, "admin")}
