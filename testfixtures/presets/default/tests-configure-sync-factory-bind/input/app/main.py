from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.orm import Session

from app.database import get_db
from app.models import Tag

app = FastAPI()


@app.post("/tags/{name}")
def add_tag(name: str, db: Session = Depends(get_db)):
    if db.query(Tag).filter(Tag.name == name).first():
        raise HTTPException(status_code=400, detail="exists")
    tag = Tag(name=name)
    db.add(tag)
    db.commit()
    return {"id": tag.id}
