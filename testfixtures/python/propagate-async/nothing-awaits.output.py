from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import User

router = APIRouter()


def find_user(db: Session, user_id: int) -> User:
    return db.get(User, user_id)


@router.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    return find_user(db, user_id)


def helper(items):
    return sorted(items, key=lambda i: find_user(None, i))
