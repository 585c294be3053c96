# The package's public names, renamed: importers write `from app.db import DBSession`.
from .session import SessionLocal as DBSession
from .session import get_db as get_session

__all__ = ["DBSession", "get_session"]
