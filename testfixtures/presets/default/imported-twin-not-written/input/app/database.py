from sqlalchemy import create_engine
from sqlalchemy.orm import declarative_base, sessionmaker

engine = create_engine("sqlite:///./items.db")
SessionLocal = sessionmaker(bind=engine)
ItemsBase = declarative_base()
