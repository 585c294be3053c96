from sqlmodel import Session, create_engine, select

from app.core.config import settings

engine = create_engine(str(settings.DATABASE_URL))

# Not used for sessions anywhere: no twin.
reports_engine = create_engine("postgresql://reports/db")


def count_users(session: Session) -> int:
    return len(session.exec(select(1)).all())
