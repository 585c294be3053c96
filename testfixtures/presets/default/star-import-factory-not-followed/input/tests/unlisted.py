from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

__all__ = ["unlisted_engine"]

unlisted_engine = create_engine("sqlite:///./testdb.db", connect_args={"check_same_thread": False})
UnlistedSessionLocal = sessionmaker(bind=unlisted_engine)
