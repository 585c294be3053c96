from sqlalchemy.orm import Session

from app import models


def audit(obj):
    print("created", obj)


def create_user(db: Session, email: str):
    db_user = models.User(email=email)
    db.add(db_user)
    db.commit()
    db.refresh(db_user)
    return db_user


def create_item(db: Session, title: str, owner_id: int):
    db_item = models.Item(title=title, owner_id=owner_id)
    db.add(db_item)
    db.commit()
    return db_item


def create_user_audited(db: Session, email: str):
    db_user = models.User(email=email)
    db.add(db_user)
    db.commit()
    # Work after the commit: not the plain shape, so the read stays flagged.
    audit(db_user)
    return db_user


def create_user_deep(db: Session, email: str):
    db_user = models.User(email=email)
    db.add(db_user)
    db.commit()
    db.refresh(db_user)
    return db_user
