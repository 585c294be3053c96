import logging

from app.db.init_db import init_db
from app.db.session import SessionLocal
from app.models import User

logger = logging.getLogger(__name__)


def init() -> None:
    db = SessionLocal()
    db.add(User(id=2))
    init_db(db=db)


def seed_twice() -> None:
    session = SessionLocal()
    init_db(session)
    init_db(session)
