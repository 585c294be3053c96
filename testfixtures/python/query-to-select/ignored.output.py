from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import select


def listing(db: Session):
    return (
        db.query(User)
        .filter(User.active)  # awaitify: ignore
        .all()
    )


def other(db: Session):
    return await db.scalar(select(User).limit(1))
