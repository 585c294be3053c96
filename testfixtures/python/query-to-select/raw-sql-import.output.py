from sqlalchemy.orm import Session

from app.models import User
from sqlalchemy import text


def purge(db: Session, days: int):
    db.execute(text("DELETE FROM audit_log WHERE created < now() - :days * interval '1 day'"), {"days": days})
    db.commit()


def text_is_local(db: Session, text: str):
    # `text` is this function's parameter: wrapping would call the string.
    db.execute("SELECT 1")
    return text


def not_a_session(client):
    # Not provably a session: left alone.
    client.execute("SELECT 1")
