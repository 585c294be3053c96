from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.factory import AllRepositories
from app.service import ItemService, add_one

app = FastAPI()


@app.post("/items")
def create_item(name: str, db: Session = Depends(get_db)):
    # `items` is a cached_property: the call is ItemRepository.add, made async.
    return {"id": AllRepositories(db).items.add(name).id}


@app.post("/two")
def create_two(name: str, db: Session = Depends(get_db)):
    ItemService(AllRepositories(db)).add_two(name)
    return {"id": add_one(AllRepositories(db), name).id}
