# A method overriding another, handed only the sync Session of handlers kept sync: its annotation stays Session.
from sqlalchemy.orm import Session

from app.wrap import Wrap


class NoteWrap(Wrap):
    def create(self, text: str, db: Session):
        return super().create({"text": text}, db)
