import logging

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.legacy_db import engine


class AuditHandler(logging.Handler):
    # Only this method uses Session: the import it needs is put back with it.
    def emit(self, record):
        with Session(engine) as session:
            session.execute(text("insert into audit (message) values (:m)"), {"m": record.getMessage()})
            session.commit()
