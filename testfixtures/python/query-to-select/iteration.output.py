from sqlalchemy.orm import Session, joinedload

from app.models import Address, User
from sqlalchemy import select


def emails(db: Session):
    out = []
    for user in await db.scalars(select(User).where(User.active)):
        out.append(user.email)
    for user_id, name in await db.execute(select(User.id, User.name)):
        out.append(name)
    for user in (await db.scalars(select(User).options(joinedload(User.addresses)))).unique():
        out.append(user)
    return out


def comprehension(db: Session):
    return [u.name for u in await db.scalars(select(User))]


def generator(db: Session):
    return sum(u.age for u in db.query(User))
