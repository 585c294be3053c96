try:
    from app.db.session import SessionLocal as WorkerSession, get_db
except ImportError:  # a worker image without the database layer
    WorkerSession = None
    get_db = None
