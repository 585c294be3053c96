from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.ext.asyncio import create_async_engine, AsyncSession

engine = create_engine("sqlite:///./app.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./app.db")


def get_db():
    with Session(engine) as session:
        yield session


async def get_async_db():
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        yield session
