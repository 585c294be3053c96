from fastapi import APIRouter

from app.database import ItemsBase, SessionLocal, AsyncSessionLocal, async_engine

router = APIRouter()


# This engine's module writes its twin (a sessionmaker is bound to it): both are converted.
def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


async def get_async_db():
    async with AsyncSessionLocal() as session:
        yield session


@router.on_event("startup")
async def create_item_tables():
    async with async_engine.begin() as conn:
        await conn.run_sync(ItemsBase.metadata.create_all)
