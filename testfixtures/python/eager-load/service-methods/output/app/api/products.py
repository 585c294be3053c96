from typing import Any

from fastapi import APIRouter, Depends

from app import schemas
from app.services import CatalogService

router = APIRouter(prefix="/products")


@router.get("/{product_id}", response_model=schemas.ProductOut)
async def read_product(product_id: int, catalog: CatalogService = Depends()) -> Any:
    return await catalog.get_product(product_id)


@router.get("", response_model=schemas.ProductPage)
async def list_products(catalog: CatalogService = Depends()) -> Any:
    total, items = await catalog.search()
    return {"total": total, "items": items}


@router.get("/{product_id}/name")
async def product_name(product_id: int, catalog: CatalogService = Depends()) -> Any:
    product = await catalog.get_product(product_id)
    return {"name": product.name}
