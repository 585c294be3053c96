from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

# Another database, whose get_db does get its twin: its handlers are migrated as usual.
reports_engine = create_engine("sqlite:///./reports.db")
async_reports_engine = create_async_engine("sqlite+aiosqlite:///./reports.db")
ReportsSession = sessionmaker(bind=reports_engine)
AsyncReportsSession = async_sessionmaker(async_reports_engine, expire_on_commit=False)


def get_db():
    db = ReportsSession()
    try:
        yield db
    finally:
        db.close()


async def get_async_db():
    async with AsyncReportsSession() as session:
        yield session
