from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import SessionLocal
from app.svc import get_item

app = FastAPI()


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


@app.get("/items/{item_id}")
def read_item(item_id: int, db: Session = Depends(get_db)):
    item = get_item(db, item_id)
    return {"id": item.id}
