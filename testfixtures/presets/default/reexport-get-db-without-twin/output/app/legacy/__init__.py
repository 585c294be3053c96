from .session import SessionLocal, get_db
