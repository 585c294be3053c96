from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

engine = create_engine("postgresql://shop:shop@localhost:5432/shop")
async_engine = create_async_engine("postgresql+asyncpg://shop:shop@localhost:5432/shop")
SessionLocal = sessionmaker(bind=engine, autoflush=False)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False, autoflush=False)
