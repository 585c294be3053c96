from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker


def make_engine():
    return create_engine("postgresql://app:secret@db/app", pool_size=10)


def get_session_factory():
    return sessionmaker(bind=make_engine())


def get_db():
    db = get_session_factory()()
    try:
        yield db
    finally:
        db.close()
