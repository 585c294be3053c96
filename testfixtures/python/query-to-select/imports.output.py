"""Module docstring."""
from __future__ import annotations

from sqlalchemy import func as F, select as sa_select
from sqlalchemy.orm import Session

from app.models import User


def count(db: Session):
    return await db.scalar(sa_select(F.count()).select_from(sa_select(User).where(User.active).subquery()))


def users(db: Session):
    return (await db.scalars(sa_select(User))).all()
