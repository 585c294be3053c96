"""CRUD helpers."""
from typing import Optional

from sqlalchemy.orm import Session, joinedload

from app.models import User


def get_user(db: Session, user_id: int) -> Optional[User]:
    # the session is the caller's
    return db.query(User).options(joinedload(User.items)).get(user_id)
