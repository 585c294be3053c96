from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

other_engine = create_engine("sqlite:///./other.db")
async_other_engine = create_async_engine("sqlite+aiosqlite:///./other.db")
OtherSession = sessionmaker(bind=other_engine)
AsyncOtherSession = async_sessionmaker(async_other_engine, expire_on_commit=False)


def get_db():
    db = OtherSession()
    try:
        yield db
    finally:
        db.close()


async def get_async_db():
    async with AsyncOtherSession() as session:
        yield session
