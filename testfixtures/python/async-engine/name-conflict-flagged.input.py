from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.metrics import async_engine  # the metrics pipeline, not a database

engine = create_engine("sqlite:///./app.db")
SessionLocal = sessionmaker(bind=engine)
