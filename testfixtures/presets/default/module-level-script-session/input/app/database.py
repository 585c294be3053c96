from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("postgresql://app:secret@localhost/shop")
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)
