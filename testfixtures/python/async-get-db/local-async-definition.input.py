from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

engine = create_async_engine("sqlite+aiosqlite://")
make_session = async_sessionmaker(engine)


async def get_db():
    async with make_session() as session:
        yield session


async def read_items(db: AsyncSession = Depends(get_db)):
    return db
