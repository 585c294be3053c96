from fastapi import Depends

from app.db import get_db
from app.models import Note


class NoteStore:
    # A bare Depends() injects what calling the annotation gives: here get_db's session.
    def __init__(self, session: get_db = Depends()):
        self.session = session

    def all(self):
        return self.session.query(Note).all()
