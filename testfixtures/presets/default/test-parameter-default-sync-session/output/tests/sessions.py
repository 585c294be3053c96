from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.database import Base
from sqlalchemy.ext.asyncio import create_async_engine, AsyncSession
from sqlalchemy.pool import NullPool

engine = create_engine("sqlite:///./test.db", connect_args={"check_same_thread": False})
async_engine = create_async_engine("sqlite+aiosqlite:///./test.db", connect_args={"check_same_thread": False}, poolclass=NullPool)
TestingSessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)
AsyncTestingSessionLocal = sessionmaker(async_engine, class_=AsyncSession, expire_on_commit=False, autoflush=False)
shared_session = TestingSessionLocal()
Base.metadata.create_all(bind=engine)
