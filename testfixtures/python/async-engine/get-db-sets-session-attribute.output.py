from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

engine = create_engine("sqlite:///./app.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./app.db")
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False, autoflush=False)


def get_db():
    # A plain attribute the application reads back on the session (an AsyncSession takes it as well).
    db = SessionLocal()
    db.current_user_id = None
    db.request_tag = DEFAULT_TAG
    try:
        yield db
    finally:
        db.close()


async def get_async_db():
    async with AsyncSessionLocal() as session:
        session.current_user_id = None
        session.request_tag = DEFAULT_TAG
        yield session
