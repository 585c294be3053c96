"""Database session for the orders service."""
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

engine = create_engine(
    "postgresql+psycopg2://orders:secret@db:5432/orders",
    pool_pre_ping=True,
    pool_size=10,
    max_overflow=20,
    pool_recycle=1800,
    future=True,
)
async_engine = create_async_engine(
    "postgresql+asyncpg://orders:secret@db:5432/orders",
    pool_pre_ping=True,
    pool_size=10,
    max_overflow=20,
    pool_recycle=1800,
    future=True,
)
SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=True)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False, autoflush=False)


def get_db():
    """Yield a session per request."""
    with SessionLocal() as db:
        yield db


async def get_async_db():
    async with AsyncSessionLocal() as session:
        yield session


def healthcheck():
    return True
