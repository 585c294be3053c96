from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.orm import Session

from app import crud
from app.db import get_db

app = FastAPI()


@app.post("/users")
def create_user(email: str, db: Session = Depends(get_db)):
    if crud.user.by_email(db, email):
        raise HTTPException(status_code=400)
    return {"id": crud.user.create(db, {"email": email}).id}


@app.get("/users/{user_id}")
def read_user(user_id: int, db: Session = Depends(get_db)):
    found = crud.user.get(db, user_id)
    if found is None:
        raise HTTPException(status_code=404)
    return {"email": found.email, "active": found.active}


@app.post("/users/{user_id}/deactivate")
def deactivate(user_id: int, db: Session = Depends(get_db)):
    return {"active": crud.user.deactivate(db, user_id).active}


@app.get("/audited/count")
def audited_count(db: Session = Depends(get_db)):
    # AuditedCounter's MRO starts with a class awaitify cannot read (it may define `count`): not inferred through it.
    return {"n": crud.audited.count(db)}
