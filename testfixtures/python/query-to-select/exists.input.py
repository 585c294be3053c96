from sqlalchemy.orm import Session

from app.models import User


def email_taken(db: Session, email: str) -> bool:
    return db.query(db.query(User).filter(User.email == email).exists()).scalar()


def via_variable(db: Session, email: str) -> bool:
    q = db.query(User).filter(User.email == email)
    return db.query(q.exists()).scalar()
