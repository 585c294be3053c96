from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

job_engine = create_engine("sqlite:///./jobs.db")
async_job_engine = create_async_engine("sqlite+aiosqlite:///./jobs.db")
JobSessionLocal = sessionmaker(bind=job_engine)
AsyncJobSessionLocal = async_sessionmaker(async_job_engine, expire_on_commit=False)
