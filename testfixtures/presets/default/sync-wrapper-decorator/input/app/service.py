from sqlalchemy.orm import Session

from app.decorators import audited, background_task, registered, retried, timed
from app.models import User


@background_task
def deactivate(db: Session, email: str):
    user = db.query(User).filter(User.email == email).first()
    user.email = None
    db.commit()


@audited("cleanup")
def cleanup(db: Session):
    for user in db.query(User).all():
        db.delete(user)
    db.commit()


@timed
def find(db: Session, email: str):
    return db.query(User).filter(User.email == email).first()


@registered
def count(db: Session):
    return db.query(User).count()


def rename(db: Session, email: str):
    user = find(db, email)
    user.email = email.lower()
    db.commit()


@background_task
def rename_later(db: Session, email: str):
    rename(db, email)


@retried
def purge(db: Session):
    db.query(User).filter(User.email.is_(None)).delete()
    db.commit()
