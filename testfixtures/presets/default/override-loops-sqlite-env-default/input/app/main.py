from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Item

app = FastAPI()


@app.post("/items")
def create_item(title: str, db: Session = Depends(get_db)):
    item = Item(title=title)
    db.add(item)
    db.commit()
    db.refresh(item)
    return {"id": item.id, "title": item.title}
