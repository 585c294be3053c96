from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.instrumentation import traced


@traced
def get_engine():
    return create_engine("sqlite:///./app.db", connect_args={"check_same_thread": False})


@traced
def get_session_factory():
    return sessionmaker(bind=get_engine(), autoflush=False)


def get_db():
    db = get_session_factory()()
    try:
        yield db
    finally:
        db.close()
