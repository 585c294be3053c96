# Core tables imported from other modules of the project are not mapped classes, whatever their case:
# legacy Query returned rows of their columns, and so must the converted query (`.scalars()` would keep
# only the first column). The mapped class next to them still selects entities.
from sqlalchemy.orm import Session

from app import models
from app.models import User, UserTags
from app.tables import AuditLog


def tags_of(db: Session, user_id: int):
    return db.query(UserTags).filter(UserTags.c.user_id == user_id).all()


def first_tag(db: Session):
    return db.query(models.UserTags).first()


def events(db: Session):
    return db.query(AuditLog).all()


def users(db: Session):
    return db.query(User).all()


def module_users(db: Session):
    return db.query(models.User).all()
