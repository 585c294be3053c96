import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

_engine = None


def get_engine():
    global _engine
    if _engine is None:
        _engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///./app.db"))
    return _engine


SessionLocal = sessionmaker(bind=get_engine())


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
