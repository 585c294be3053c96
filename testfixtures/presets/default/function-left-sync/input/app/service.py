from sqlalchemy import text
from sqlalchemy.orm import Session

from app.models import User


def add_member(db: Session, email: str):
    user = db.query(User).filter(User.email == email).first()
    # from_self() has no select() equivalent: this query stays, so the function stays sync.
    rows = db.query(User).from_self().all()
    return user, rows


def report(db: Session):
    users = db.query(User).all()
    conn = db.connection()
    conn.execute(text("select 1"))
    return users


def find(db: Session, email: str):
    return db.query(User).filter(User.email == email).first()
