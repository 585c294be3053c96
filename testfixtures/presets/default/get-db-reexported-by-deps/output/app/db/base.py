# Imports the twin already (as after a first run): left alone.
from app.db.session import get_async_db, get_db  # noqa: F401
