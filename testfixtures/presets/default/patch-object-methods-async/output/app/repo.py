from app.db import AsyncSessionLocal
from app.models import Note


# Opens its own sessions: its methods become async, and so do the routes calling them.
class NoteRepository:
    async def get(self, note_id: int):
        async with AsyncSessionLocal() as db:
            return await db.get(Note, note_id)


note_repository = NoteRepository()
