from .database import AsyncSessionLocal, SessionLocal, engine


def get_db():
    with SessionLocal() as db:
        yield db


async def get_async_db():
    async with AsyncSessionLocal() as session:
        yield session
