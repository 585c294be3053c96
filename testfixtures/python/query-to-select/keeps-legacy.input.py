from sqlalchemy.orm import Session

from app.models import User


def add_member(db: Session, email: str):
    user = db.query(User).filter(User.email == email).first()
    # from_self() has no select() equivalent: flagged, so this function stays sync.
    rows = db.query(User).from_self().all()
    return user, rows


def find_user(db: Session, email: str):
    return db.query(User).filter(User.email == email).first()


def outer(db: Session):
    def inner():
        return db.query(User).from_self().all()

    return db.query(User).count(), inner
