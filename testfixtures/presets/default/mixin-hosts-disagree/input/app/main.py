from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.repo import UserRepo

app = FastAPI()


@app.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    return {"email": UserRepo(db).get(user_id).email}


@app.post("/users/{user_id}/deactivate")
def deactivate(user_id: int, db: Session = Depends(get_db)):
    return {"active": UserRepo(db).deactivate(user_id).active}
