# The package's public names: importers write `from app.db import SessionLocal`.
from .session import AsyncJobSession, AsyncSessionLocal, JobSession, SessionLocal, async_engine, engine

__all__ = ["SessionLocal", "AsyncSessionLocal", "JobSession", "AsyncJobSession", "engine", "async_engine"]
