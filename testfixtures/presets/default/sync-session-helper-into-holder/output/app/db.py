from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker

engine = create_engine("sqlite:///./app.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./app.db")
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


def open_session():
    # Not annotated, but it returns the sync factory's session all the same.
    return SessionLocal()


class SessionProvider:
    def typed(self) -> Session:
        return SessionLocal()

    def untyped(self):
        return SessionLocal()
