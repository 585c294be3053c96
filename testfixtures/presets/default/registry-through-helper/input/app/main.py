from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.setup import stock

app = FastAPI()


@app.post("/products")
def create_product(title: str, db: Session = Depends(get_db)):
    stock(db, title)
    return {"ok": True}
