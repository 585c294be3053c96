from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import SingletonThreadPool

from app.config import settings

# SingletonThreadPool does not suit an async dialect: no twin here (flagged), so this get_db keeps its
# Depends, and the handler on it stays sync.
kwargs = {}
if settings.JOBS_DATABASE_URL.startswith("sqlite"):
    kwargs["poolclass"] = SingletonThreadPool

jobs_engine = create_engine(settings.JOBS_DATABASE_URL, **kwargs)
JobSession = sessionmaker(bind=jobs_engine)


def get_db():
    db = JobSession()
    try:
        yield db
    finally:
        db.close()
