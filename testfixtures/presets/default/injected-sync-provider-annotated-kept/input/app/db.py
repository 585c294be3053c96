from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, sessionmaker

engine = create_engine("sqlite:///./app.db")
SessionLocal = sessionmaker(bind=engine)


class Base(DeclarativeBase):
    pass


def audit(db):
    print(len(db.new))


# Not a plain shape (it audits after the yield): get_db gets no twin and keeps yielding a sync Session.
def get_db():
    db = SessionLocal()
    try:
        yield db
        audit(db)
    finally:
        db.close()


@contextmanager
def app_session():
    with SessionLocal() as db:
        yield db


# Another provider that stays sync (awaitify writes a twin for get_db only).
def get_session():
    with app_session() as db:
        yield db
