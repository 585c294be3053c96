from typing import List

from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app import repo
from app import repo
from app.db import get_db
from app.models import Post
from app.schemas import PostOut
from app.schemas import PostOut

app = FastAPI()


@app.get("/posts", response_model=List[PostOut])
def list_posts(db: Session = Depends(get_db)):
    return db.query(Post).all()


@app.get("/posts/recent", response_model=List[PostOut])
def recent(db: Session = Depends(get_db)):
    return repo.recent_posts(db)
