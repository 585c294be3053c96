from sqlalchemy.orm import Session

from app.models import User


def update(db: Session, user_id: int, data: dict):
    user = db.query(User).filter(User.id == user_id).first()
    for key, value in data.items():
        setattr(user, key, value)
    return user


def bulk(db: Session):
    return db.query(User).filter(User.active).update({"active": False})


def search(db: Session, select: str):
    return db.query(User).filter(User.name == select).all()
