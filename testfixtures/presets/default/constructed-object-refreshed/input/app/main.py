from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app import crud, models, schemas
from app.database import get_db

app = FastAPI()


@app.post("/users", response_model=schemas.UserOut)
def create_user(email: str, db: Session = Depends(get_db)):
    return crud.create_user(db, email)


@app.post("/items", response_model=schemas.ItemOut)
def create_item(title: str, owner_id: int, db: Session = Depends(get_db)):
    return crud.create_item(db, title, owner_id)


@app.post("/users/audited", response_model=schemas.UserOut)
def create_user_audited(email: str, db: Session = Depends(get_db)):
    return crud.create_user_audited(db, email)


@app.post("/users/deep", response_model=schemas.UserDeep)
def create_user_deep(email: str, db: Session = Depends(get_db)):
    return crud.create_user_deep(db, email)


@app.post("/users/local", response_model=schemas.UserOut)
def create_user_here(email: str, db: Session = Depends(get_db)):
    # Constructed and returned by the route itself: the refresh goes before its return too.
    user = models.User(email=email)
    db.add(user)
    db.commit()
    db.refresh(user)
    return user
