from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import select


def page(db: Session):
    return (await db.scalars(select(User).order_by(User.id).offset(10).limit(10))).all()


def head(db: Session):
    return (await db.execute(select(User.name).limit(5))).all()


def tail(db: Session):
    return (await db.scalars(select(User).offset(3))).all()


def index(db: Session):
    return db.query(User).order_by(User.id)[0]


def dynamic(db: Session, skip: int, limit: int):
    return db.query(User)[skip:skip + limit]


def negative(db: Session):
    return db.query(User)[-5:]


def stepped(db: Session):
    return db.query(User)[0:10:2]


def composed(db: Session):
    return db.query(User).offset(5)[0:3]
