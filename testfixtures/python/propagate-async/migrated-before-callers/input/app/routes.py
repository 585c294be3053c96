import asyncio

from fastapi import APIRouter, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from app import repo
from app.deps import get_async_db
from app.services import Catalog, fetch_rates

router = APIRouter()


@router.get("/items/{item_id}")
def read_item(item_id: int, db: AsyncSession = Depends(get_async_db)):
    item = repo.get_item(db, item_id)
    return {"id": item.id}


@router.get("/catalog/{item_id}")
def read_from_catalog(item_id: int, catalog: Catalog = Depends()):
    return catalog.find(item_id)


def run_in_script(db: AsyncSession):
    # The coroutine is handed to asyncio.run: nothing to await here.
    return asyncio.run(repo.get_item(db, 1))


def rates_later():
    # Not database code: a sync def may create a coroutine to hand on.
    return fetch_rates()


def item_stream(db: AsyncSession):
    # An async generator is iterated with `async for`, not awaited.
    return repo.stream_items(db)
