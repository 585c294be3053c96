from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

# The engine is made inline, so this factory gets no async twin.
JobSession = sessionmaker(
    autoflush=False,
    bind=create_engine("postgresql://app:secret@localhost/jobs", pool_pre_ping=True),
)
