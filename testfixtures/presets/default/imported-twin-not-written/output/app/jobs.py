from app.shared import AsyncJobSessionLocal, JobSessionLocal


def get_db():
    db = JobSessionLocal()
    try:
        yield db
    finally:
        db.close()


async def get_async_db():
    async with AsyncJobSessionLocal() as session:
        yield session
