import logging

from sqlmodel import Session

from app.core.db import engine, init_db

logger = logging.getLogger(__name__)


def init() -> None:
    with Session(engine) as session:
        init_db(session)
        session.commit()
