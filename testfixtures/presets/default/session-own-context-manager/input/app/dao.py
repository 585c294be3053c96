from fastapi import Depends
from sqlmodel import Session, select

from app.database import get_db
from app.models import Item


class ItemDAO:
    # A class dependency holding the request's session; its methods close it with the session's own `with`.
    def __init__(self, session: Session = Depends(get_db)):
        self.session = session

    def get_list(self, offset: int, limit: int) -> list[Item]:
        with self.session:
            return self.session.exec(select(Item).offset(offset).limit(limit)).all()

    def create(self, item: Item) -> Item:
        with self.session as session:
            session.add(item)
            session.commit()
            session.refresh(item)
            return item
