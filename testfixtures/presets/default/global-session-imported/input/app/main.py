from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from . import crud, db as database
from .db import db_session, get_db, session

app = FastAPI()


@app.post("/tags/{label}")
def create_tag(label: str, db: Session = Depends(get_db)):
    return {"id": crud.create_tag(db, label).id}


@app.post("/registry/{label}")
def create_tag_registry(label: str):
    tag = crud.create_tag(db_session, label)
    db_session.remove()
    return {"id": tag.id}


@app.post("/global/{label}")
def create_tag_global(label: str):
    return {"id": crud.create_tag(session, label).id}


@app.get("/count")
def count():
    return {"n": crud.count_tags(database.session)}
