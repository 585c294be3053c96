from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.orm import Session

from app.database import get_db
from app.models import User

app = FastAPI()


@app.post("/users")
def create_user(email: str, db: Session = Depends(get_db)):
    if User.by_email(db, email):
        raise HTTPException(400, "taken")
    user = User.create(db, email=email)
    return {"id": user.id, "total": User.count(db)}


@app.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    user = User.get(db, user_id)
    return {"email": user.email}
