from sqlalchemy.orm import Session

from app.models import Tag


def get_tag(db: Session, tag_id: int):
    return db.query(Tag).filter(Tag.id == tag_id).first()


def tag_project_name(db: Session, tag_id: int):
    tag = db.query(Tag).filter(Tag.id == tag_id).first()
    # Project comes from the mixin's declared_attr relationship: a lazy load.
    return tag.project.name


def rename_project(db: Session, tag: Tag, name: str):
    tag.project.name = name
    db.commit()
