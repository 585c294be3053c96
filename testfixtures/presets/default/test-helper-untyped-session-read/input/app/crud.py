from sqlalchemy.orm import Session

from app.models import Item, User


def create_user(db: Session, name: str) -> User:
    user = User(name=name)
    db.add(user)
    db.commit()
    db.refresh(user)
    return user


def add_item(db: Session, user: User, title: str) -> Item:
    item = Item(title=title, owner_id=user.id)
    db.add(item)
    db.commit()
    return item
