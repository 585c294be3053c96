# A second re-export, of the first one.
from app.api.deps import get_async_db, get_db
