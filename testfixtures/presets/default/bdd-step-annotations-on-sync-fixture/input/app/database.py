import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite:///./app.db")
SessionLocal = sessionmaker(bind=engine)


def init_engine():
    return create_engine(os.environ.get("TEST_DATABASE_URL", "sqlite:///./test.db"))


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
