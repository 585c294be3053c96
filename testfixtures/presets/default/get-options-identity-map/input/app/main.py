from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import User

app = FastAPI()


def get_current_user(db: Session = Depends(get_db)) -> User:
    return db.query(User).filter(User.name == "alice").first()


@app.get("/users/{user_id}/items")
def user_items(user_id: int, db: Session = Depends(get_db), current: User = Depends(get_current_user)):
    user = db.query(User).get(user_id)
    if user is None:
        raise HTTPException(status_code=404)
    return [item.title for item in user.items]


@app.get("/me/items")
def my_items(db: Session = Depends(get_db), current: User = Depends(get_current_user)):
    user = db.get(User, current.id)
    return [item.title for item in user.items]
