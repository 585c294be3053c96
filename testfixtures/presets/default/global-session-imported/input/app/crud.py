from sqlalchemy.orm import Session

from .db import Tag


def create_tag(db: Session, label: str) -> Tag:
    tag = Tag(label=label)
    db.add(tag)
    db.commit()
    db.refresh(tag)
    return tag


def count_tags(db: Session) -> int:
    return db.query(Tag).count()
