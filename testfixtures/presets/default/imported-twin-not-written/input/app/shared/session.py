from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

job_engine = create_engine("sqlite:///./jobs.db")
JobSessionLocal = sessionmaker(bind=job_engine)
