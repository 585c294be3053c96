# The package's public names: importers write `from app.db import SessionLocal`.
from .session import JobSession, SessionLocal, engine

__all__ = ["SessionLocal", "JobSession", "engine"]
