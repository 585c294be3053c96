from typing import List

from fastapi import Depends, FastAPI
from sqlalchemy import func
from sqlalchemy.orm import Session

from app import models, schemas
from app.db import get_db

app = FastAPI()


@app.get("/posts", response_model=List[schemas.PostOut])
def get_posts(db: Session = Depends(get_db)):
    posts = (
        db.query(models.Post, func.count(models.Vote.post_id).label("votes"))
        .join(models.Vote, models.Vote.post_id == models.Post.id, isouter=True)
        .group_by(models.Post.id)
        .all()
    )
    return posts
