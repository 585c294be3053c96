from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.catalog import Catalog
from app.db import get_db

app = FastAPI()


def get_catalog(db: Session = Depends(get_db)) -> Catalog:
    return Catalog(db)


@app.get("/books/newest")
def newest(limit: int = 3, catalog: Catalog = Depends(get_catalog)):
    return [b.title for b in catalog.newest(limit)]


@app.get("/shelves/{shelf}")
def shelf_page(shelf: int, page: int = 1, catalog: Catalog = Depends(get_catalog)):
    query = catalog.on_shelf(shelf)
    return [b.title for b in query.offset((page - 1) * 10).limit(10).all()]
