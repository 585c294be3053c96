from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import get_async_db
from app.repo import ItemRepository

app = FastAPI()


@app.post("/items-with-stats")
async def create_with_stats(name: str, db: AsyncSession = Depends(get_async_db)):
    repo = ItemRepository(db)
    item = await repo.add(name)
    # stats() reads the session in a def nested in it: it must be awaited like add().
    return {"id": item.id, "stats": await repo.stats()}
