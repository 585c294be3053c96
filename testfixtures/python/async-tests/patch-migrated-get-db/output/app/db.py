from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

async_engine = create_async_engine("sqlite+aiosqlite:///./app.db")
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


def get_db():
    raise RuntimeError("sync sessions are gone")


async def get_async_db():
    async with AsyncSessionLocal() as session:
        yield session
