from fastapi import APIRouter, HTTPException

from app.deps import SessionDep
from app.repository import ProductRepository

router = APIRouter(prefix="/products")


@router.post("")
def create_product(title: str, db: SessionDep) -> dict:
    product = ProductRepository(db).add(title)
    return {"id": product.id, "title": product.title}


@router.get("")
def list_titles(db: SessionDep) -> list[str]:
    return ProductRepository(db).titles()


@router.get("/{product_id}")
def read_product(product_id: int, db: SessionDep) -> dict:
    product = ProductRepository(db).find(product_id)
    if product is None:
        raise HTTPException(status_code=404)
    return {"id": product.id, "title": product.title}
