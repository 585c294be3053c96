from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

engine = create_engine("sqlite:///./audit.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./audit.db")
LegacySession = sessionmaker(bind=engine)
AsyncLegacySession = async_sessionmaker(async_engine, expire_on_commit=False)
