from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Post
from app.service import copies_of, count_posts

router = APIRouter()


@router.get("/posts")
def list_posts(db: Session = Depends(get_db)):
    return db.query(Post).all()


@router.get("/posts/{post_id}/copies")
def post_copies(post_id: int, db: Session = Depends(get_db)):
    # from_self() has no select() equivalent: the handler stays sync, on the sync session.
    return db.query(Post).filter(Post.id == post_id).from_self().all()


@router.get("/stats")
def stats(db: Session = Depends(get_db)):
    # Stays sync too, and goes back to the sync session: count_posts, called only here, stays sync with it.
    total = count_posts(db)
    return {"total": total, "rows": db.query(Post).from_self().all()}


@router.get("/posts/{post_id}/copies-again")
def post_copies_again(post_id: int, db: Session = Depends(get_db)):
    # Its helper stays sync (it keeps a legacy query): the handler keeps the sync session too.
    return copies_of(db, post_id)
