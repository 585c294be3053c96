from .session import get_db
