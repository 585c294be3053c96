from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.db import Base
from app.main import Todo
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlalchemy.pool import NullPool

__all__ = ["ListedSessionLocal", "AsyncListedSessionLocal", "Todo"]

listed_engine = create_engine("sqlite:///./testdb.db", connect_args={"check_same_thread": False})
async_listed_engine = create_async_engine("sqlite+aiosqlite:///./testdb.db", connect_args={"check_same_thread": False}, poolclass=NullPool)
ListedSessionLocal = sessionmaker(bind=listed_engine)
AsyncListedSessionLocal = async_sessionmaker(async_listed_engine, expire_on_commit=False)
Base.metadata.create_all(bind=listed_engine)
