from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import User


def users_of(db: Session):
    for user in db.scalars(select(User)):
        yield user


def names(db: Session):
    return [user.name for user in users_of(db)]
