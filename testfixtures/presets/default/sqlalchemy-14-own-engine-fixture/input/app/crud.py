from sqlalchemy.orm import Session

from app import models


def get_user(db: Session, user_id: int):
    return db.query(models.User).filter(models.User.id == user_id).first()


def create_item(db: Session, title: str, owner_id: int):
    db_item = models.Item(title=title, owner_id=owner_id)
    db.add(db_item)
    db.commit()
    db.refresh(db_item)
    return db_item
