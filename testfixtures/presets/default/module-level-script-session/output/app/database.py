from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

engine = create_engine("postgresql://app:secret@localhost/shop")
async_engine = create_async_engine("postgresql+asyncpg://app:secret@localhost/shop")
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False, autoflush=False)
