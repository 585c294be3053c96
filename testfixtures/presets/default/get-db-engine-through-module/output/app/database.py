from sqlmodel import SQLModel, create_engine
from sqlalchemy.ext.asyncio import create_async_engine

engine = create_engine("sqlite:///./through_module.db", connect_args={"check_same_thread": False})
async_engine = create_async_engine("sqlite+aiosqlite:///./through_module.db", connect_args={"check_same_thread": False})


def create_db_and_tables():
    SQLModel.metadata.create_all(engine)
