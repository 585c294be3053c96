from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

engine = create_engine("postgresql://app@localhost/notes")
async_engine = create_async_engine("postgresql+asyncpg://app@localhost/notes")
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False, autoflush=False)


def get_database():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


async def get_async_database():
    async with AsyncSessionLocal() as session:
        yield session
