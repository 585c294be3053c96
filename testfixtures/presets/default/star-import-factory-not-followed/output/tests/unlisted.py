from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlalchemy.pool import NullPool

__all__ = ["unlisted_engine", "async_unlisted_engine"]

unlisted_engine = create_engine("sqlite:///./testdb.db", connect_args={"check_same_thread": False})
async_unlisted_engine = create_async_engine("sqlite+aiosqlite:///./testdb.db", connect_args={"check_same_thread": False}, poolclass=NullPool)
UnlistedSessionLocal = sessionmaker(bind=unlisted_engine)
AsyncUnlistedSessionLocal = async_sessionmaker(async_unlisted_engine, expire_on_commit=False)
