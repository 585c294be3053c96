from sqlalchemy import select
from sqlalchemy.orm import Session

from app import db
from app.db import ArchiveSession, ReportSession
from .db import ReportSession as Reports


class Report:
    id = None


def count_reports(session: Session) -> int:
    return len(session.scalars(select(Report)).all())


def nightly():
    session = ReportSession()
    try:
        return count_reports(session)
    finally:
        session.close()


def weekly():
    with Reports() as session:
        session.commit()


def monthly():
    session = db.ReportSession()
    session.commit()
    session.close()


def archive():
    session = ArchiveSession()
    try:
        return count_reports(session)
    finally:
        session.close()
