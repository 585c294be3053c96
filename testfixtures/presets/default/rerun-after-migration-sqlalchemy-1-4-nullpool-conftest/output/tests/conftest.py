from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from app.database import AsyncSessionLocal, async_engine

AsyncSessionLocal.configure(bind=create_async_engine(async_engine.url, poolclass=NullPool))
