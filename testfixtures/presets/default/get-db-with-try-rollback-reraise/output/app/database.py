from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.ext.asyncio import create_async_engine, AsyncSession

engine = create_engine("sqlite:///./app.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./app.db")


# Rolls back and re-raises inside the `with`: what closing the AsyncSession does anyway.
def get_db():
    with Session(engine) as session:
        try:
            yield session
        except Exception:
            session.rollback()
            raise


async def get_async_db():
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        yield session
