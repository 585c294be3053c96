from typing import Optional

from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import func, select


def search(db: Session, name: Optional[str] = None, active: Optional[bool] = None, limit: int = 50):
    query = select(User)
    if name:
        query = query.where(User.name.ilike(f"%{name}%"))
    if active is not None:
        query = query.filter_by(active=active)
    total = await db.scalar(select(func.count()).select_from(query.subquery()))
    users = (await db.scalars(query.order_by(User.id).limit(limit))).all()
    return total, users


def first_match(db: Session, name: str):
    q = select(User.id, User.name).where(User.name == name)
    for row in await db.execute(q):
        print(row)
    return (await db.execute(q.limit(1))).first()


def joined_later(db: Session, email: Optional[str]):
    q = db.query(User)
    if email:
        q = q.join(User.addresses)
    return q.filter_by(active=True).all()
