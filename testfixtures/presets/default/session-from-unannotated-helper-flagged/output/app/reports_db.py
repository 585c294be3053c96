from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

reports_engine = create_async_engine("sqlite+aiosqlite:///./reports.db")
ReportSession = async_sessionmaker(reports_engine, expire_on_commit=False)


def report_session():
    # Already an AsyncSession: handing it to a coroutine function is right.
    return ReportSession()
