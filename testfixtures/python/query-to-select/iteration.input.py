from sqlalchemy.orm import Session, joinedload

from app.models import Address, User


def emails(db: Session):
    out = []
    for user in db.query(User).filter(User.active):
        out.append(user.email)
    for user_id, name in db.query(User.id, User.name):
        out.append(name)
    for user in db.query(User).options(joinedload(User.addresses)):
        out.append(user)
    return out


def comprehension(db: Session):
    return [u.name for u in db.query(User)]


def generator(db: Session):
    return sum(u.age for u in db.query(User))
