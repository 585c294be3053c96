from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.database import get_db
from app.models import User

app = FastAPI()


class UserIn(BaseModel):
    username: str
    email: str


@app.post("/users/", status_code=201)
def create_user(user: UserIn, session: Session = Depends(get_db)):
    if session.scalar(select(User).where(User.username == user.username)):
        raise HTTPException(status_code=409, detail="Username already exists")
    db_user = User(username=user.username, email=user.email)
    session.add(db_user)
    session.commit()
    session.refresh(db_user)
    return {"id": db_user.id, "username": db_user.username}


@app.get("/users/")
def read_users(session: Session = Depends(get_db)):
    return [{"id": u.id, "username": u.username} for u in session.scalars(select(User)).all()]
