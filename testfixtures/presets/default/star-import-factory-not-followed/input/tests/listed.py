from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

__all__ = ["ListedSessionLocal"]

listed_engine = create_engine("sqlite:///./testdb.db", connect_args={"check_same_thread": False})
ListedSessionLocal = sessionmaker(bind=listed_engine)
