from typing import Optional

from sqlalchemy.orm import Session

from app.models import User


def search(db: Session, name: Optional[str] = None, active: Optional[bool] = None, limit: int = 50):
    query = db.query(User)
    if name:
        query = query.filter(User.name.ilike(f"%{name}%"))
    if active is not None:
        query = query.filter_by(active=active)
    total = query.count()
    users = query.order_by(User.id).limit(limit).all()
    return total, users


def first_match(db: Session, name: str):
    q = db.query(User.id, User.name).filter(User.name == name)
    for row in q:
        print(row)
    return q.first()


def joined_later(db: Session, email: Optional[str]):
    q = db.query(User)
    if email:
        q = q.join(User.addresses)
    return q.filter_by(active=True).all()
