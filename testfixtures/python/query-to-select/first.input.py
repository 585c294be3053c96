from sqlalchemy.orm import Session

from app.models import User


def get_user(db: Session, user_id: int):
    return db.query(User).filter(User.id == user_id).first()


def get_user_name(db: Session, user_id: int):
    return db.query(User).filter(User.id == user_id).first().name


def first_row(db: Session):
    return db.query(User.id, User.name).order_by(User.name).first()


def newest(db: Session):
    user = db.query(User).order_by(User.created_at.desc()).limit(5).first()
    if not db.query(User).first():
        return None
    return user
