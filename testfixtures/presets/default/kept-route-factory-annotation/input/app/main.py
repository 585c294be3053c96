from fastapi import Depends, FastAPI

from app.db import SessionLocal, get_db
from app.repo import ItemRepository

app = FastAPI()


def get_repo():
    return ItemRepository()


@app.get("/items/{item_id}")
def read_item(item_id: int, db: SessionLocal = Depends(get_db), repo: ItemRepository = Depends(get_repo)):
    # Hands its session to a method that stays sync: the handler keeps the sync session from get_db.
    item = repo.by_id(item_id, db)
    return item.name
