from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app import crud
from app.db import get_db

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: int, db: Session = Depends(get_db)):
    return crud.get_item(db, item_id)
