from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app import crud
from app.db import get_db
from app.service import register

app = FastAPI()


@app.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    return crud.get_user(db, user_id)


@app.post("/users")
def make_user(name: str, db: Session = Depends(get_db)):
    return register(db, name)


@app.post("/flush")
def flush(db: Session = Depends(get_db)):
    crud.flush_all(db)
    return {"ok": True}
