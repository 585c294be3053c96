from typing import Optional

from fastapi import Depends
from pydantic import BaseModel
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import User


class TokenData(BaseModel):
    id: Optional[str] = None


def decode(token: str) -> dict:
    return {"user_id": token}


def current_user(token: str, db: Session = Depends(get_db)):
    payload = decode(token)
    user_id: str = payload.get("user_id")
    return db.query(User).filter(User.id == user_id).first()


def user_for(data: TokenData, db: Session):
    return db.query(User).filter(User.id == data.id).first()


def converted_user(token: str, db: Session = Depends(get_db)):
    user_id: str = decode(token)["user_id"]
    user_id = int(user_id)
    return db.query(User).filter(User.id == user_id).first()


def verify(token: str):
    payload = decode(token)
    token_data = TokenData(id=payload.get("user_id"))
    return token_data


def user_from_token(token: str, db: Session = Depends(get_db)):
    token = verify(token)
    return db.query(User).filter(User.id == token.id).first()
