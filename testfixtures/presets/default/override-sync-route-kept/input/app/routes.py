from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Post

router = APIRouter()


@router.get("/posts")
def list_posts(db: Session = Depends(get_db)):
    return db.query(Post).all()


@router.get("/posts/{post_id}/copies")
def post_copies(post_id: int, db: Session = Depends(get_db)):
    # from_self() has no select() equivalent: the handler stays sync, on the sync session.
    return db.query(Post).filter(Post.id == post_id).from_self().all()
