from sqlalchemy import create_engine
from sqlalchemy.orm import declarative_base, sessionmaker


class Database:
    def __init__(self, url):
        self.engine = create_engine(url)
        self.SessionLocal = sessionmaker(bind=self.engine)


# Engine and factory made by a class: no async twin is written for either.
db = Database("sqlite:///./app.db")
engine = db.engine
SessionLocal = db.SessionLocal
Base = declarative_base()
