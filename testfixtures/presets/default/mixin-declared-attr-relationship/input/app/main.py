from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app import crud
from app.db import get_db

app = FastAPI()


@app.get("/tags/{tag_id}/project")
def read_tag_project(tag_id: int, db: Session = Depends(get_db)):
    return {"name": crud.tag_project_name(db, tag_id)}


@app.put("/tags/{tag_id}/project")
def rename(tag_id: int, name: str, db: Session = Depends(get_db)):
    tag = crud.get_tag(db, tag_id)
    crud.rename_project(db, tag, name)
    return {"ok": True}
