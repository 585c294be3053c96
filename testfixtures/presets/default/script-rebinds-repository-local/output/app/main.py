from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.database import get_async_db, get_db
from app.repository import ProductRepository
from sqlalchemy.orm import Session

app = FastAPI()


class Fake:
    def titles(self) -> list[str]:
        return []


@app.get("/both")
async def both(db: AsyncSession = Depends(get_async_db), other: AsyncSession = Depends(get_async_db)) -> list[str]:
    # Bound twice, each time to a ProductRepository: both calls are awaited.
    repo = ProductRepository(db)
    first = await repo.titles()
    repo = ProductRepository(other)
    return first + await repo.titles()


@app.get("/branch")
async def branch(flag: bool, db: AsyncSession = Depends(get_async_db)) -> list[str]:
    if flag:
        repo = ProductRepository(db)
    else:
        repo = ProductRepository(db=db)
    return await repo.titles()


@app.get("/mixed")
def mixed(flag: bool, db: Session = Depends(get_db)) -> list[str]:
    # A ProductRepository or a Fake, whose titles() stays sync: not awaited, reported.
    repo = ProductRepository(db)
    if flag:
        repo = Fake()
    return repo.titles()
