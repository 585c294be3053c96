from fastapi import FastAPI, Depends
from sqlalchemy.orm import Session
from sqlalchemy import select
from app.db import get_db
from app.models import Item

app = FastAPI()


@app.get("/items")
def list_items(db: Session = Depends(get_db)):
    return [i.name for i in db.scalars(select(Item)).all()]


def create_item(db: Session, name: str):
    item = Item(name=name)
    db.add(item)
    db.commit()
    return item
