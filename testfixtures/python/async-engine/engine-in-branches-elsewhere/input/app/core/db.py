from sqlmodel import create_engine

from app.core.config import settings

if settings.ENVIRONMENT == "local":
    engine = create_engine(str(settings.SQLALCHEMY_DATABASE_URI), echo=True)
else:
    engine = create_engine(str(settings.SQLALCHEMY_DATABASE_URI), pool_pre_ping=True)
