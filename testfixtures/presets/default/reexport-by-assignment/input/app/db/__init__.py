# The package hands on the session module's names by assignment.
from app import config
from . import session as _session

SessionLocal = _session.SessionLocal
DBSession = _session.SessionLocal
get_db = _session.get_db  # the API's dependency
get_session = _session.get_db  # its older name: not followed
settings = config.settings  # no session name: left alone

if settings.debug:
    # Bound only in one branch: importers of JobSession keep the sync factory.
    JobSession = _session.SessionLocal

__all__ = ["SessionLocal", "DBSession", "get_db", "get_session", "JobSession"]
