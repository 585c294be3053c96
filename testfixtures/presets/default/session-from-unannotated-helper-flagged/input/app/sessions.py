from sqlalchemy.orm import Session

from app.db import SessionLocal, engine
from app.reports_db import ReportSession


def get_session():
    return SessionLocal()


def open_session(readonly=False):
    if readonly:
        session = Session(engine)
        session.info["readonly"] = True
        return session
    return Session(engine)


def open_report_session():
    # An async factory of another module: an AsyncSession.
    return ReportSession()


class FakeSession:
    def execute(self, statement):
        return None


def fake_or_real(fake):
    # One return is no factory's session: what the caller gets is not known.
    if fake:
        return FakeSession()
    return SessionLocal()


def make_client():
    return FakeSession()
