from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import User
from app.repo import CountedRepo, ReadOnlyRepo, UserRepo

app = FastAPI()


@app.post("/users")
def create_user(email: str, db: Session = Depends(get_db)):
    user = User(email=email)
    UserRepo(db).save(user)
    return {"id": user.id}


@app.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    repo = UserRepo(db)
    user = repo.get(user_id)
    if user is None:
        raise HTTPException(status_code=404)
    return {"email": user.email, "text": repo.describe(user)}


@app.post("/users/{user_id}/deactivate")
def deactivate(user_id: int, db: Session = Depends(get_db)):
    return {"active": UserRepo(db).deactivate(user_id).active}


@app.post("/users/{user_id}/touch")
def touch(user_id: int, db: Session = Depends(get_db)):
    UserRepo(db).touch(user_id)
    return {"ok": True}


@app.get("/users/{user_id}/counted")
def counted(user_id: int, db: Session = Depends(get_db)):
    repo = CountedRepo(db)
    repo.get(user_id)
    user = repo.get(user_id)
    return {"email": user.email, "reads": repo.reads}


@app.post("/users/{user_id}/rename-readonly")
def rename_readonly(user_id: int, email: str, db: Session = Depends(get_db)):
    return {"email": ReadOnlyRepo(db).rename(user_id, email).email}
