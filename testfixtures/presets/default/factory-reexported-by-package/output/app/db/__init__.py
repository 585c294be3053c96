# The package's public names: importers write `from app.db import SessionLocal`.
from .session import AsyncJobSession, AsyncSessionLocal, JobSession, SessionLocal, engine

__all__ = ["SessionLocal", "AsyncSessionLocal", "JobSession", "AsyncJobSession", "engine"]
