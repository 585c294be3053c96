from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.database import get_db
from app.models import User

app = FastAPI()


@app.post("/users/", status_code=201)
def create_user(username: str, session: Session = Depends(get_db)):
    db_user = session.scalar(select(User).where(User.username == username))
    if db_user:
        raise HTTPException(status_code=400, detail="exists")
    user = User(username=username)
    session.add(user)
    session.commit()
    session.refresh(user)
    return {"id": user.id, "username": user.username}


@app.get("/users/{user_id}")
def read_user(user_id: int, session: Session = Depends(get_db)):
    user = session.scalar(select(User).where(User.id == user_id))
    if not user:
        raise HTTPException(status_code=404, detail="not found")
    return {"id": user.id, "username": user.username}
