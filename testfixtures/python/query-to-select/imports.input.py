"""Module docstring."""
from __future__ import annotations

from sqlalchemy import func as F, select as sa_select
from sqlalchemy.orm import Session

from app.models import User


def count(db: Session):
    return db.query(User).filter(User.active).count()


def users(db: Session):
    return db.query(User).all()
