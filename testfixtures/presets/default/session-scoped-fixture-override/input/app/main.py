from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel
from sqlalchemy.orm import Session

from app import crud
from app.db import get_db

app = FastAPI()


class Login(BaseModel):
    email: str


@app.post("/login")
def login(body: Login, db: Session = Depends(get_db)):
    user = crud.get_user_by_email(db, email=body.email)
    if user is None:
        raise HTTPException(status_code=400, detail="unknown user")
    return {"access_token": user.email}


@app.post("/users/")
def create_user(body: Login, db: Session = Depends(get_db)):
    user = crud.create_user(db, email=body.email)
    return {"id": user.id, "email": user.email}


@app.get("/users/me")
def read_me(authorization: str = Header(...), db: Session = Depends(get_db)):
    user = crud.get_user_by_email(db, email=authorization.removeprefix("Bearer "))
    if user is None:
        raise HTTPException(status_code=401, detail="bad token")
    return {"id": user.id, "email": user.email}
