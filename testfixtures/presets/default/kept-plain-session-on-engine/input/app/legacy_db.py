from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite:///./audit.db")
LegacySession = sessionmaker(bind=engine)
