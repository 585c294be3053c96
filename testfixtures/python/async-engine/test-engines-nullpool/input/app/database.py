from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

# Application code keeps its pool.
engine = create_engine("postgresql://app:secret@db/app", pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine)
