from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.core import SessionLocal, get_db
from app.models import Item

router = APIRouter()


def item_count():
    with SessionLocal() as db:
        return db.query(Item).count()


@router.get("/stats")
def stats(db: Session = Depends(get_db)):
    return {"count": item_count(), "names": [item.name for item in db.query(Item).all()]}
