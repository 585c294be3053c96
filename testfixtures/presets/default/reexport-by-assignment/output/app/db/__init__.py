# The package hands on the session module's names by assignment.
from app import config
from . import session as _session

SessionLocal = _session.SessionLocal
AsyncSessionLocal = _session.AsyncSessionLocal
DBSession = _session.SessionLocal
AsyncDBSession = _session.AsyncSessionLocal
get_db = _session.get_db  # the API's dependency
get_async_db = _session.get_async_db
get_session = _session.get_db  # its older name: not followed
settings = config.settings  # no session name: left alone

if settings.debug:
    # Bound only in one branch: importers of JobSession keep the sync factory.
    JobSession = _session.SessionLocal

__all__ = ["SessionLocal", "AsyncSessionLocal", "DBSession", "AsyncDBSession", "get_db", "get_async_db", "get_session", "JobSession"]
