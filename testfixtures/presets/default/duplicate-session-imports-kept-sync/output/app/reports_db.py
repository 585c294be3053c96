from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

engine = create_engine("sqlite:///./reports.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./reports.db")
ReportSession = sessionmaker(bind=engine)
AsyncReportSession = async_sessionmaker(async_engine, expire_on_commit=False)


def get_db():
    db = ReportSession()
    try:
        yield db
    finally:
        db.close()


async def get_async_db():
    async with AsyncReportSession() as session:
        yield session
