import sqlite3

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

# A DBAPI connection factory: the async engine takes no `creator`, so neither the factory nor get_db gets a twin.
engine = create_engine("sqlite://", creator=lambda: sqlite3.connect("legacy.db"))
SessionLocal = sessionmaker(bind=engine)


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
