from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.repo import CachedUserRepo, TypedRepo, UserRepo

app = FastAPI()


@app.get("/cached/{user_id}")
def cached(user_id: int, db: Session = Depends(get_db)):
    return {"email": CachedUserRepo(db).get(user_id).email}


@app.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    return {"email": UserRepo(db).get(user_id).email}


@app.get("/typed/{user_id}")
def typed(user_id: int, db: Session = Depends(get_db)):
    return {"email": TypedRepo(db).get(user_id).email}
