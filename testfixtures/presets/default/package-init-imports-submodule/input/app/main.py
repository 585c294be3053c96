from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.services import items

app = FastAPI()


@app.post("/items")
def create(name: str, db: Session = Depends(get_db)):
    item = items.create_item(db, name)
    return {"id": item.id}
