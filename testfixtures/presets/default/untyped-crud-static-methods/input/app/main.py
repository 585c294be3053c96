from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.orm import Session

from app.crud import CRUDUser
from app.db import get_db

app = FastAPI()


@app.post("/users")
def create_user(email: str, db: Session = Depends(get_db)):
    return {"id": CRUDUser.get_or_create(db, email).id}


@app.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    user = CRUDUser.get(db, user_id)
    if user is None:
        raise HTTPException(status_code=404)
    return {"email": user.email, "active": user.active}


@app.post("/users/{user_id}/deactivate")
def deactivate(user_id: int, db: Session = Depends(get_db)):
    return {"active": CRUDUser.deactivate(CRUDUser(), db, user_id).active}
