from sqlalchemy import create_engine
from sqlalchemy.orm import Session

# Set at start-up by init_engine(): there is no module-level `create_engine(...)` to twin, so get_db
# gets no get_async_db (flagged), and everything receiving its session stays sync.
engine = None


def init_engine(url: str):
    global engine
    engine = create_engine(url, connect_args={"check_same_thread": False})
    return engine


def get_db():
    db = Session(engine)
    try:
        yield db
    finally:
        db.close()
