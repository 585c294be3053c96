from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

# Application code keeps its pool.
engine = create_engine("postgresql://app:secret@db/app", pool_pre_ping=True)
async_engine = create_async_engine("postgresql+asyncpg://app:secret@db/app", pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)
