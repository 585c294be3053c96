from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.repo import DeclaredRepository, OptionalRepository, UserRepository

app = FastAPI()


@app.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    user = UserRepository(db).get(user_id)
    return {"id": user.id, "name": user.name}


@app.get("/users")
def count_users(db: Session = Depends(get_db)):
    return {"count": OptionalRepository(db).count()}


@app.get("/first")
def first_user(db: Session = Depends(get_db)):
    user = DeclaredRepository(db).first()
    return {"id": user.id if user else None}
