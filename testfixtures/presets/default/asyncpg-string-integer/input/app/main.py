from typing import List, Optional

from fastapi import Depends, FastAPI, Query
from sqlalchemy.orm import Session

from app.auth import TokenData, converted_user, current_user, user_for, user_from_token
from app.db import get_db
from app.models import Item, Tag, User

app = FastAPI()


@app.get("/users/{user_id}")
def read_user(user_id: str, db: Session = Depends(get_db)):
    return db.query(User).filter(User.id == user_id).first()


@app.get("/users/{user_id}/get")
def read_user_by_pk(user_id, db: Session = Depends(get_db)):
    return db.query(User).get(user_id)


@app.get("/items")
def list_items(owner: Optional[str] = None, db: Session = Depends(get_db)):
    return db.query(Item).filter_by(owner_id=owner).all()


@app.get("/users")
def some_users(ids: List[str] = Query(...), db: Session = Depends(get_db)):
    return db.query(User).filter(User.id.in_(ids)).all()


@app.get("/tags/{tag_id}/children")
def child_tags(tag_id: str, db: Session = Depends(get_db)):
    return db.query(Tag).filter(Tag.parent_id == tag_id).all()


# Not reported: the parameter is an int, the column a string, or the value converted first.
@app.get("/typed/{user_id}")
def read_typed(user_id: int, db: Session = Depends(get_db)):
    return db.query(User).filter(User.id == user_id).first()


@app.get("/by-name/{name}")
def read_by_name(name: str, db: Session = Depends(get_db)):
    return db.query(User).filter(User.name == name).first()


@app.get("/items/{code}")
def read_item(code: str, db: Session = Depends(get_db)):
    return db.query(Item).filter_by(code=code).first()


@app.get("/converted/{user_id}")
def read_converted(user_id: str, db: Session = Depends(get_db)):
    user_id = int(user_id)
    return db.query(User).filter(User.id == user_id).first()


@app.get("/tags/by-label/{label}")
def tag_by_label(label: str, db: Session = Depends(get_db)):
    return db.query(Tag).filter(Tag.label == label).first()


@app.get("/me")
def me(user=Depends(current_user)):
    return user


@app.post("/whoami")
def whoami(data: TokenData, db: Session = Depends(get_db)):
    return user_for(data, db)


@app.get("/me-converted")
def me_converted(user=Depends(converted_user)):
    return user


@app.get("/me-token")
def me_token(user=Depends(user_from_token)):
    return user
