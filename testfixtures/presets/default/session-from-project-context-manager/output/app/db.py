import contextlib

from sqlalchemy import create_engine
from sqlmodel import Session

engine = create_engine("sqlite:///./app.db")


@contextlib.contextmanager
def unit():
    session = Session(engine)
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()
