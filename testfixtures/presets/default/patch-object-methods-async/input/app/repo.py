from app.db import SessionLocal
from app.models import Note


# Opens its own sessions: its methods become async, and so do the routes calling them.
class NoteRepository:
    def get(self, note_id: int):
        with SessionLocal() as db:
            return db.get(Note, note_id)


note_repository = NoteRepository()
