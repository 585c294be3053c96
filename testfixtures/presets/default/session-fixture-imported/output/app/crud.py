from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Note
from sqlalchemy import select


async def list_notes(db: AsyncSession):
    return (await db.scalars(select(Note))).all()
