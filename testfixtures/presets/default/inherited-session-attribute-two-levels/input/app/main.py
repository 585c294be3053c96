from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Item
from app.repo_items import ItemRepository

app = FastAPI()


@app.post("/items")
def create_item(name: str, db: Session = Depends(get_db)):
    repo = ItemRepository(db, Item, 1)
    item = repo.create({"name": name})
    return {"id": item.id}


@app.put("/items/{item_id}")
def rename_item(item_id: int, name: str, db: Session = Depends(get_db)):
    repo = ItemRepository(db, Item, 1)
    item = repo.rename(item_id, name)
    return {"id": item.id, "name": item.name}
