from app.models import Element
from sqlalchemy import func, select


# Unannotated: only the tests hand it a session, the fixture `db`.
async def count(session):
    return await session.scalar(select(func.count()).select_from(Element))


# The application hands this one a session too, an AsyncSession after the migration.
async def names(session):
    return [e.name for e in (await session.scalars(select(Element))).all()]
