from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session
from app import db as deps
from app import crud

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: int, db: Session = Depends(deps.get_db)):
    return crud.item.get(db, item_id)


@app.put("/items/{item_id}/score")
def rescore_item(item_id: int, db: Session = Depends(deps.get_db)):
    return crud.item.rescore(db, item_id)
