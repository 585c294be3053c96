from .database import SessionLocal, engine, AsyncSessionLocal


def get_db():
    with SessionLocal() as db:
        yield db


async def get_async_db():
    async with AsyncSessionLocal() as session:
        yield session
