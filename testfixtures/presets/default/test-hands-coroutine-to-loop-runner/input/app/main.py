from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.repos import ItemRepository, Parser

app = FastAPI()


@app.post("/items")
def create_item(name: str, db: Session = Depends(get_db)):
    item = ItemRepository(db).create(name)
    return {"id": item.id}


@app.post("/parse")
async def parse(text: str, db: Session = Depends(get_db)):
    return {"parsed": await Parser(db).parse_one(text)}
