from fastapi import Depends, HTTPException
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Post


def get_post(post_id: int, db: Session = Depends(get_db)) -> Post:
    post = db.query(Post).filter(Post.id == post_id).first()
    if post is None:
        raise HTTPException(status_code=404)
    return post


def get_post_copy(post_id: int, db: Session = Depends(get_db)) -> Post:
    # from_self() has no select() equivalent: this dependency stays sync, so it keeps the sync session
    # (FastAPI runs it in its threadpool, as before).
    return db.query(Post).filter(Post.id == post_id).from_self().first()
