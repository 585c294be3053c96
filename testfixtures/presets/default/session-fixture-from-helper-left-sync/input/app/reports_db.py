from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

reports_engine = create_async_engine("sqlite+aiosqlite:///./app.db")
ReportSession = async_sessionmaker(reports_engine, expire_on_commit=False)
