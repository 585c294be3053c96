from sqlalchemy.orm import Session

from app.models import User


def listing(db: Session):
    return (
        db.query(User)
        .filter(User.active)  # awaitify: ignore
        .all()
    )


def other(db: Session):
    return db.query(User).first()
