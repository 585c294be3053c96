from sqlalchemy.orm import Session

from app.models import User


def exprs(db: Session, user_id: int):
    name = db.query(User).filter(User.id == user_id).first().name
    many = db.query(User).count() > 10
    plus = db.query(User).count() + 1
    called = db.query(User.callback).first()
    return name, many, plus, called
