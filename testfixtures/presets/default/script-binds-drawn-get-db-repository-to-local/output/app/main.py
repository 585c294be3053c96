from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db
from app.repository import ProductRepository

app = FastAPI()


@app.get("/titles")
async def list_titles(db: AsyncSession = Depends(get_async_db)) -> list[str]:
    return await ProductRepository(db).titles()
