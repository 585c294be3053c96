from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app import db as database
from app.jobs import count_items, first_name
from app.models import Item

app = FastAPI()


@app.get("/items")
def list_items(db: Session = Depends(database.get_db)):
    return {"n": len(db.query(Item).all()), "c": count_items(), "first": first_name()}


@app.get("/items/{item_id}")
def get_item(item_id: int, db: Session = Depends(database.get_session)):
    item = db.get(Item, item_id)
    return {"name": item.name if item else None}
