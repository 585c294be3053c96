from app.db import AsyncSessionLocal
from app.models import Note
from sqlalchemy import func, select, update


class NoteStore:
    # `.one()` raises NoResultFound before the close: the AsyncSession is then left to the garbage collector.
    async def retitle(self, note_id: int, text: str) -> Note:
        db = AsyncSessionLocal()
        await db.execute(update(Note).where(Note.id == note_id).values({Note.text: text}).execution_options(synchronize_session='evaluate'))
        await db.commit()
        note = (await db.execute(select(Note).where(Note.id == note_id))).scalar_one()
        await db.close()
        return note

    # Closed in a `finally`: closed on every path.
    async def count(self) -> int:
        db = AsyncSessionLocal()
        try:
            return await db.scalar(select(func.count()).select_from(Note))
        finally:
            await db.close()
