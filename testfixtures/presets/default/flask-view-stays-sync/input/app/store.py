from sqlalchemy.orm import Session

from app.models import Shelf


class ShelfStore:
    def __init__(self, session: Session):
        self.session = session

    def find(self, ident):
        return self.session.query(Shelf).filter_by(id=ident).first()
