import logging

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

logger = logging.getLogger(__name__)

engine = create_engine("sqlite:///./app.db")


def get_db():
    """Logs around the session; nothing it does touches the session but its id."""
    with Session(engine) as db:
        logger.debug(f"session opened: id={id(db)}")
        try:
            yield db
        finally:
            logger.debug("session closed: id=%s", id(db))
