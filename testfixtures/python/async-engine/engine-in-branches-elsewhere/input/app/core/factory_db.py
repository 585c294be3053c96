from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool

from app.core.config import settings

if settings.TESTING:
    engine = create_engine("sqlite:///./test.db", poolclass=StaticPool)
    SessionLocal = sessionmaker(bind=engine, autoflush=False)
else:
    engine = create_engine(settings.DATABASE_URL)
    SessionLocal = sessionmaker(bind=engine, autoflush=False)
