from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.repositories import UserRepository

app = FastAPI()


@app.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    user = UserRepository(db).get(user_id)
    return {"id": user.id, "email": user.email}
