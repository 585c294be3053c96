from fastapi import Depends, FastAPI

from app.catalog import Catalog

app = FastAPI()


@app.get("/books/newest")
def newest(limit: int = 3, catalog: Catalog = Depends()):
    return [b.title for b in catalog.newest(limit)]


@app.get("/shelves/{shelf}")
def shelf_page(shelf: int, page: int = 1, catalog: Catalog = Depends()):
    query = catalog.on_shelf(shelf)
    return [b.title for b in query.offset((page - 1) * 10).limit(10).all()]
