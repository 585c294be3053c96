from sqlalchemy.orm import Session

from app.db import SessionLocal, engine
from app.reports_db import ReportSession


def make_session():
    return SessionLocal()


def open_session(readonly=False):
    session = Session(engine)
    if readonly:
        session.info["readonly"] = True
    return session


def typed_session() -> Session:
    return SessionLocal()


def make_report_session():
    # An async factory's session: already an AsyncSession.
    return ReportSession()
