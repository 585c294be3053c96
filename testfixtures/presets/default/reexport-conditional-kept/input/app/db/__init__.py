import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session  # no factory: left alone

# The SQL backend is optional: importers of `app.db` get its names only when it is on.
if os.environ.get("APP_BACKEND", "sql") == "sql":
    from .session import SessionLocal, engine, get_db
