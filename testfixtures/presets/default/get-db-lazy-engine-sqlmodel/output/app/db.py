from sqlmodel import Session, create_engine
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

# Made on first use: the twin is the same shape on the async engine (get_async_engine()).
# A getter doing anything more (a parameter, an else, another statement) gets no twin.
engine = None


def get_engine():
    global engine
    if engine is None:
        engine = create_engine("sqlite:///./app.db", connect_args={"check_same_thread": False})
    return engine


async_engine = None


def get_async_engine():
    global async_engine
    if async_engine is None:
        async_engine = create_async_engine("sqlite+aiosqlite:///./app.db", connect_args={"check_same_thread": False})
    return async_engine


def get_db():
    with Session(get_engine()) as session:
        yield session


async def get_async_db():
    async with AsyncSession(get_async_engine(), expire_on_commit=False) as session:
        yield session
