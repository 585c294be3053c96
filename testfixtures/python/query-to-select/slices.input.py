from sqlalchemy.orm import Session

from app.models import User


def page(db: Session):
    return db.query(User).order_by(User.id)[10:20]


def head(db: Session):
    return db.query(User.name)[:5]


def tail(db: Session):
    return db.query(User)[3:]


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
