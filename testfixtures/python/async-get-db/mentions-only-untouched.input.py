"""Use get_db via Depends(get_db) in every route (docs only)."""
# Depends(get_db) is documented here, not called.
from app.db import get_db

HELP = "Depends(get_db)"


def script():
    for db in get_db():
        print(db)
