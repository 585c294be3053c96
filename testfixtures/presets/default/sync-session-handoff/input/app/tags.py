from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Tag


def tag_count(db: Session) -> int:
    return db.scalar(select(func.count(Tag.id)))
