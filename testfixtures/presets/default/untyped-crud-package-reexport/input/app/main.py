from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app import crud
from app.db import get_db

app = FastAPI()


# crud.get_user is re-exported by the package app.crud: the call still says what its `db` is.
@app.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    return crud.get_user(db, user_id)
