from fastapi import Depends, FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.crud import count_products
from app.database import get_async_db
from app.deps import provide_session
from app.repository import ProductRepository
from sqlalchemy.orm import Session

app = FastAPI()


@app.get("/titles")
async def list_titles(db: AsyncSession = Depends(get_async_db)) -> list[str]:
    return await ProductRepository(db).titles()


@app.get("/count")
def count(db: Session = Depends(provide_session)) -> int:
    return count_products(db)


@app.get("/ping")
def ping(db: Session = Depends(provide_session)) -> int:
    return db.execute(text("select 1")).scalar_one()
