from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app import db
from app.db import ArchiveSession, AsyncReportSession
from .db import AsyncReportSession


class Report:
    id = None


async def count_reports(session: AsyncSession) -> int:
    return len((await session.scalars(select(Report))).all())


async def nightly():
    session = AsyncReportSession()
    try:
        return await count_reports(session)
    finally:
        await session.close()


async def weekly():
    async with AsyncReportSession() as session:
        await session.commit()


async def monthly():
    session = db.AsyncReportSession()
    await session.commit()
    await session.close()


def archive():
    session = ArchiveSession()
    try:
        return count_reports(session)
    finally:
        session.close()
