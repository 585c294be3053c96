from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Note


async def insert_note(db: AsyncSession, body: str) -> Note:
    note = Note(body=body)
    db.add(note)
    await db.commit()
    return note


class NoteWriter:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def write(self, body: str) -> Note:
        note = Note(body=body)
        self.db.add(note)
        await self.db.commit()
        return note


class NoteFacade:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def add(self, body: str) -> Note:
        return await insert_note(self.db, body)
