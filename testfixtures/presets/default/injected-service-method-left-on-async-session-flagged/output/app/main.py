from fastapi import Depends, FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.catalog import Catalog
from app.db import get_async_db

app = FastAPI()


def get_catalog(db: AsyncSession = Depends(get_async_db)) -> Catalog:
    return Catalog(db)


@app.get("/books/newest")
async def newest(limit: int = 3, catalog: Catalog = Depends(get_catalog)):
    return [b.title for b in await catalog.newest(limit)]


@app.get("/shelves/{shelf}")
def shelf_page(shelf: int, page: int = 1, catalog: Catalog = Depends(get_catalog)):
    query = catalog.on_shelf(shelf)
    return [b.title for b in query.offset((page - 1) * 10).limit(10).all()]
