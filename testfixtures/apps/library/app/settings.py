import os
import tempfile

# Without DATABASE_URL the app keeps its catalogue in a SQLite file under the system temp dir, so running it
# from a read-only checkout still works.
DATABASE_URL = os.getenv("DATABASE_URL") or f"sqlite:///{os.path.join(tempfile.gettempdir(), 'library.db')}"
MAX_PAGE_SIZE = 50
