from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.db import Base
from app.main import Todo

__all__ = ["ListedSessionLocal", "Todo"]

listed_engine = create_engine("sqlite:///./testdb.db", connect_args={"check_same_thread": False})
ListedSessionLocal = sessionmaker(bind=listed_engine)
Base.metadata.create_all(bind=listed_engine)
