from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import Item, get_db

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: int, db: Session = Depends(get_db)):
    item = db.get(Item, item_id)
    return {"name": item.name if item else None}
