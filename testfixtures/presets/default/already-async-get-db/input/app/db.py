from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

engine = create_async_engine("sqlite+aiosqlite:///./app.db")
make_session = async_sessionmaker(engine, expire_on_commit=False)


async def get_db():
    async with make_session() as session:
        yield session
