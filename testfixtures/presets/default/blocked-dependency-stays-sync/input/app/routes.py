from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.db import get_db
from app.deps import get_post, get_post_copy
from app.models import Post

router = APIRouter()


@router.get("/posts/{post_id}")
def read_post(post: Post = Depends(get_post)):
    return post


@router.get("/posts/{post_id}/copy")
def read_copy(post: Post = Depends(get_post_copy), db: Session = Depends(get_db)):
    return {"title": post.title, "count": db.query(Post).count()}
