from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Note


async def get_note(db: AsyncSession, note_id: int) -> Note | None:
    return await db.get(Note, note_id)
