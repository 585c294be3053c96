from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Post

router = APIRouter()


@router.put("/posts/{post_id}")
def update_post(post_id: int, title: str, db: Session = Depends(get_db)):
    # The sync commit expired the post the first query loaded, so the re-read saw the new title. With the
    # async session (expire_on_commit=False) the re-read returns that same object with the old title: flagged.
    query = db.query(Post).filter(Post.id == post_id)
    post = query.first()
    if post is None:
        return None
    query.update({"title": title}, synchronize_session=False)
    db.commit()
    return query.first()


@router.put("/posts/{post_id}/title")
def rename_post(post_id: int, title: str, db: Session = Depends(get_db)):
    # A post loaded before the UPDATE, read after the commit: flagged too.
    post = db.query(Post).filter(Post.id == post_id).first()
    db.query(Post).filter(Post.id == post_id).update({"title": title}, synchronize_session=False)
    db.commit()
    return {"title": post.title}


@router.put("/posts/{post_id}/synced")
def update_synced(post_id: int, title: str, db: Session = Depends(get_db)):
    # The UPDATE synchronises the session: the post holds the new title. Not flagged.
    query = db.query(Post).filter(Post.id == post_id)
    query.update({"title": title}, synchronize_session="evaluate")
    db.commit()
    return query.first()


@router.put("/posts/{post_id}/refreshed")
def update_refreshed(post_id: int, title: str, db: Session = Depends(get_db)):
    # Refreshed after the commit: not flagged.
    post = db.query(Post).filter(Post.id == post_id).first()
    db.query(Post).filter(Post.id == post_id).update({"title": title}, synchronize_session=False)
    db.commit()
    db.refresh(post)
    return {"title": post.title}


@router.post("/posts/archive")
def archive_posts(db: Session = Depends(get_db)):
    # Only the row count is read after the commit: not flagged.
    count = db.query(Post).filter(Post.title == "").update({"title": "untitled"}, synchronize_session=False)
    db.commit()
    return count
