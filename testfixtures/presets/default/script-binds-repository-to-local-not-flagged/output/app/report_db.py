from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

report_engine = create_async_engine("sqlite+aiosqlite:///./shop.db")
ReportSession = async_sessionmaker(report_engine, expire_on_commit=False)
