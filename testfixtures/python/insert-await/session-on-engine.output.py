from sqlalchemy import create_engine, text
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.orm import Session

engine = create_engine("sqlite:///./app.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./app.db")


def count_users() -> int:
    async with AsyncSession(async_engine, expire_on_commit=False) as session:
        return (await session.execute(text("SELECT count(*) FROM users"))).scalar_one()


def with_options() -> None:
    # More than the engine is passed: not the session get_async_db opens, left to a person.
    with Session(engine, autoflush=False) as session:
        session.commit()
