from sqlalchemy.ext.asyncio import AsyncSession

from .db import Note
from sqlalchemy import select


async def get_note(db: AsyncSession, title: str):
    return await db.scalar(select(Note).where(Note.title == title).limit(1))


async def create_note(db: AsyncSession, title: str) -> Note:
    note = Note(title=title)
    db.add(note)
    await db.commit()
    await db.refresh(note)
    return note
