from fastapi import Depends, HTTPException
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import User


def get_user(db: Session, user_id: int):
    return db.query(User).filter(User.id == user_id).first()


class RoleChecker:
    def __init__(self, role: str):
        self.role = role

    def __call__(self, user_id: int, db: Session = Depends(get_db)):
        user = get_user(db, user_id)
        if user is None or user.role != self.role:
            raise HTTPException(status_code=403)
        return user


class OwnerChecker:
    def __call__(self, user_id: int, db: Session = Depends(get_db)):
        return db.get(User, user_id)
