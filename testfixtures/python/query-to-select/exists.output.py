from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import select


def email_taken(db: Session, email: str) -> bool:
    return await db.scalar(select(select(User).where(User.email == email).exists()))


def via_variable(db: Session, email: str) -> bool:
    q = select(User).where(User.email == email)
    return await db.scalar(select(q.exists()))
