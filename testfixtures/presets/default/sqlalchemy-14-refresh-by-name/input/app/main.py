from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app import crud, models, schemas
from app.database import get_db

app = FastAPI()


@app.post("/users", response_model=schemas.UserWithItems)
def create_user(email: str, db: Session = Depends(get_db)):
    db_user = models.User(email=email)
    db.add(db_user)
    db.commit()
    db.refresh(db_user)
    return db_user


@app.post("/items", response_model=schemas.ItemOut)
def create_item(title: str, owner_id: int, db: Session = Depends(get_db)):
    return crud.create_item(db, title, owner_id)
