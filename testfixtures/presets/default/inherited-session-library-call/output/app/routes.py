from typing import Annotated

from fastapi import APIRouter, Depends

from app.repo import ItemRepository

router = APIRouter()


@router.get("/items/{item_id}")
async def read_item(item_id: int, repo: Annotated[ItemRepository, Depends()]):
    return await repo.get(item_id)


@router.get("/items")
def list_items(repo: Annotated[ItemRepository, Depends()]):
    return repo.page()
