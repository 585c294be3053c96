from sqlalchemy import create_engine
from sqlalchemy.orm import Session, declarative_base

from app.config import settings

Base = declarative_base()

# Made on first use: there is no module-level `create_engine(...)` to twin, so get_db gets no
# get_async_db (flagged), and everything receiving its session stays sync.
engine = None


def get_engine():
    global engine
    if engine is None:
        engine = create_engine(settings.DATABASE_URL, connect_args={"check_same_thread": False})
    return engine


def get_db():
    db = Session(get_engine())
    try:
        yield db
    finally:
        db.close()
