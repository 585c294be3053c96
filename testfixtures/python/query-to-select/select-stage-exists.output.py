from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import select


def email_taken(db: Session, email: str) -> bool:
    return db.scalar(select(select(User).where(User.email == email).exists()))


def via_variable(db: Session, email: str) -> bool:
    q = select(User).where(User.email == email)
    return db.scalar(select(q.exists()))
