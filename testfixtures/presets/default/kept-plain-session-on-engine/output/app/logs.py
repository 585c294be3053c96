import logging

from sqlmodel import Session, select

from app.db import engine
from app.models import LogLine
from sqlmodel.ext.asyncio.session import AsyncSession


class DatabaseHandler(logging.Handler):
    # logging calls emit() synchronously: it stays a plain def, and keeps its sync session on the sync engine.
    def emit(self, record):
        with Session(engine) as session:
            session.add(LogLine(message=record.getMessage()))
            session.commit()


async def recent(session: AsyncSession):
    return (await session.exec(select(LogLine))).all()
