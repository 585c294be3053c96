from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

engine = create_engine("postgresql://app@localhost/reports")
async_engine = create_async_engine("postgresql+asyncpg://app@localhost/reports")
ReportSession = sessionmaker(bind=engine, autoflush=False)
AsyncReportSession = async_sessionmaker(async_engine, expire_on_commit=False, autoflush=False)

# No async driver is known for this one: its factory gets no twin.
legacy_engine = create_engine("oracle://app@legacy/archive")
ArchiveSession = sessionmaker(bind=legacy_engine)
