from fastapi import APIRouter, HTTPException

from app.deps import SessionDep
from app.repository import ProductRepository

router = APIRouter(prefix="/products")


@router.post("")
async def create_product(title: str, db: SessionDep) -> dict:
    product = await ProductRepository(db).add(title)
    return {"id": product.id, "title": product.title}


@router.get("")
async def list_titles(db: SessionDep) -> list[str]:
    return await ProductRepository(db).titles()


@router.get("/{product_id}")
async def read_product(product_id: int, db: SessionDep) -> dict:
    product = await ProductRepository(db).find(product_id)
    if product is None:
        raise HTTPException(status_code=404)
    return {"id": product.id, "title": product.title}
