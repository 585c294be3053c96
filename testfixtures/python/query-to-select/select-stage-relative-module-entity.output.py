from sqlalchemy.orm import Session

from . import models
from .. import schemas as s
from sqlalchemy import select


def get_user(db: Session, user_id: int):
    return db.scalar(select(models.User).where(models.User.id == user_id).limit(1))


def get_schema_rows(db: Session):
    # `s` is a module too, but `s.user_row` does not look like a class: nothing proves it is an entity.
    return db.query(s.user_row).all()
