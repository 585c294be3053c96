from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from app.models import Note


class NoteRepository:
    def __init__(self, db: AsyncSession):
        self.db = db

    async def get_by_title(self, title: str):
        return await self.db.scalar(select(Note).where(Note.title == title))

    async def create(self, title: str) -> Note:
        note = Note(title=title)
        self.db.add(note)
        await self.db.commit()
        await self.db.refresh(note)
        return note
