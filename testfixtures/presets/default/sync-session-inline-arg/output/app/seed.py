from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Tag


async def init_db(session: AsyncSession):
    session.add(Tag(name="first"))
    await session.commit()
