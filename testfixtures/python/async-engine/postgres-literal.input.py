"""Database session for the orders service."""
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine(
    "postgresql+psycopg2://orders:secret@db:5432/orders",
    pool_pre_ping=True,
    pool_size=10,
    max_overflow=20,
    pool_recycle=1800,
    future=True,
)
SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=True)


def get_db():
    """Yield a session per request."""
    with SessionLocal() as db:
        yield db


def healthcheck():
    return True
