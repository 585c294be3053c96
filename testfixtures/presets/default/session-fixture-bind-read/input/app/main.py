from fastapi import Depends, FastAPI, HTTPException
from sqlmodel import Session

from app.database import get_db
from app.models import User

app = FastAPI()


@app.post("/users")
def create_user(payload: dict, session: Session = Depends(get_db)):
    user = User(email=payload["email"])
    session.add(user)
    session.commit()
    session.refresh(user)
    return user


@app.get("/users/{user_id}")
def read_user(user_id: int, session: Session = Depends(get_db)):
    user = session.get(User, user_id)
    if user is None:
        raise HTTPException(status_code=404)
    return user
