from sqlalchemy import create_engine
from sqlalchemy.orm import Session, declarative_base

from app.config import settings

Base = declarative_base()

# Set at start-up by init_engine(), only once and only when asked: no `create_engine(...)` awaitify can
# twin (one bound in an `if` of the function), so get_db gets no get_async_db (flagged), and everything
# receiving its session stays sync.
engine = None


def init_engine(url: str):
    global engine
    if engine is None:
        engine = create_engine(url, connect_args={"check_same_thread": False})
    return engine


def get_db():
    db = Session(engine)
    try:
        yield db
    finally:
        db.close()
