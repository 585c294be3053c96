from fastapi import Depends, FastAPI
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.database import Base, engine, get_db
from app.jobs import db as jobs_db
from app.models import Item

app = FastAPI()
Base.metadata.create_all(bind=engine)


@app.post("/items")
def create_item(name: str, db: Session = Depends(get_db)):
    item = Item(name=name)
    db.add(item)
    db.commit()
    db.refresh(item)
    return {"id": item.id, "name": item.name}


@app.get("/jobs/ping")
def ping_jobs(db: Session = Depends(jobs_db.get_db)):
    return {"ok": db.execute(text("select 1")).scalar() == 1}
