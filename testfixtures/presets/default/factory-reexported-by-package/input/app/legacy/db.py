import sqlite3

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

# A DBAPI connection factory: the async engine takes no such `creator`, so this factory gets no twin.
legacy_engine = create_engine("sqlite://", creator=lambda: sqlite3.connect("legacy.db"))
LegacySession = sessionmaker(bind=legacy_engine)
