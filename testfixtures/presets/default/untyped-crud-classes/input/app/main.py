from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.orm import Session

from app import crud
from app.db import engine, get_db
from app.models import Base

Base.metadata.create_all(bind=engine)

app = FastAPI()


@app.post("/users")
def create_user(email: str, db: Session = Depends(get_db)):
    if crud.user.get_by_email(db, email):
        raise HTTPException(status_code=400, detail="taken")
    user = crud.user.create(db, {"email": email})
    return {"id": user.id, "email": user.email}


@app.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    user = crud.user.get(db, user_id)
    if user is None:
        raise HTTPException(status_code=404)
    return {"id": user.id, "email": user.email}


@app.post("/users/{user_id}/items")
def create_item(user_id: int, title: str, db: Session = Depends(get_db)):
    item = crud.item.create(db, {"title": title, "owner_id": user_id})
    return {"id": item.id, "title": item.title}


@app.get("/users/{user_id}/items")
def read_items(user_id: int, db: Session = Depends(get_db)):
    return [{"id": i.id, "title": i.title} for i in crud.item.get_multi_by_owner(db, user_id)]


@app.delete("/items/{item_id}")
def delete_item(item_id: int, db: Session = Depends(get_db)):
    item = crud.item.remove(db, item_id)
    return {"id": item.id}


@app.get("/items")
def list_items(db: Session = Depends(get_db)):
    return [{"id": i.id} for i in crud.item.get_multi(db, limit=10)]
