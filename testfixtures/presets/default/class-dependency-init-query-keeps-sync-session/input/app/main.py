from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session
from .db import get_db
from .models import Item

app = FastAPI()


class ItemService:
    def __init__(self, db: Session = Depends(get_db)):
        self.db = db

    def get(self, item_id: int):
        return self.db.query(Item).filter(Item.id == item_id).first()


class Counter:
    def __init__(self, db: Session = Depends(get_db)):
        self.total = db.query(Item).count()


@app.get("/items/{item_id}")
def read_item(item_id: int, svc: ItemService = Depends()):
    return svc.get(item_id)


@app.get("/count")
def count(c: Counter = Depends()):
    return {"total": c.total}
