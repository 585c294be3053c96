from sqlalchemy.orm import Session

from app.models import Post
from sqlalchemy import func, select


def count_posts(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(Post))


def copies_of(db: Session, post_id: int):
    # from_self(): left unconverted, so this stays sync, and so does its route.
    return db.query(Post).filter(Post.id == post_id).from_self().all()
