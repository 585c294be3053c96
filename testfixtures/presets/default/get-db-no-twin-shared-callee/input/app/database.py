from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.config import settings

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
