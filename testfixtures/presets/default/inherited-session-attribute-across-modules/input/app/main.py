from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.admins import AdminRepo
from app.db import get_db
from app.users import UserRepo

app = FastAPI()


@app.get("/users/by-name/{name}")
def user_by_name(name: str, db: Session = Depends(get_db)):
    user = UserRepo(db).by_name(name)
    return {"id": user.id if user else None}


@app.put("/users/{id}")
def rename_user(id: int, name: str, db: Session = Depends(get_db)):
    user = UserRepo(db).rename(id, name)
    return {"name": user.name}


@app.post("/admins/{id}")
def promote(id: int, db: Session = Depends(get_db)):
    user = AdminRepo(db).promote(id)
    return {"admin": user.admin}
