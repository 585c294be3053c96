from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.ext.asyncio import create_async_engine

engine = create_engine("sqlite:///./settings.db")
async_engine = create_async_engine("sqlite+aiosqlite:///./settings.db")


class Base(DeclarativeBase):
    pass
