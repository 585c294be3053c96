from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import generate_session
from app.models import Item

app = FastAPI()


@app.post("/items")
def create_item(name: str, db: Session = Depends(generate_session)):
    item = Item(name=name)
    db.add(item)
    db.commit()
    return {"id": item.id}
