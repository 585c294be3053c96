from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

engine = create_engine("postgresql://u:p@db/app", pool_pre_ping=True)
async_engine = create_async_engine("postgresql+asyncpg://u:p@db/app", pool_pre_ping=True)
ScriptSession = scoped_session(sessionmaker(bind=engine))
SessionLocal = sessionmaker(bind=engine)
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


async def get_async_db():
    async with AsyncSessionLocal() as session:
        yield session
