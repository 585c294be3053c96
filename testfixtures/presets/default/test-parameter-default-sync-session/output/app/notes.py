from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Note
from sqlalchemy import func, select


async def add_note(db: AsyncSession, text: str) -> Note:
    note = Note(text=text)
    db.add(note)
    await db.commit()
    await db.refresh(note)
    return note


async def count_notes(db: AsyncSession) -> int:
    return await db.scalar(select(func.count()).select_from(Note))
