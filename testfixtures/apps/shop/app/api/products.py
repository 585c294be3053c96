from typing import Any, Optional

from fastapi import APIRouter, Depends, Query, Response, status

from app import schemas
from app.config import settings
from app.services import CatalogService

router = APIRouter(prefix="/products", tags=["products"])


@router.post("", response_model=schemas.ProductOut, status_code=status.HTTP_201_CREATED)
def create_product(payload: schemas.ProductCreate, catalog: CatalogService = Depends()) -> Any:
    return catalog.create_product(
        sku=payload.sku,
        name=payload.name,
        price_cents=payload.price_cents,
        stock=payload.stock,
        tags=payload.tags,
    )


@router.get("", response_model=schemas.ProductPage)
def list_products(
    catalog: CatalogService = Depends(),
    min_price: Optional[int] = Query(None, ge=0),
    max_price: Optional[int] = Query(None, ge=0),
    tag: Optional[str] = None,
    q: Optional[str] = None,
    in_stock: bool = False,
    include_discontinued: bool = False,
    limit: int = Query(20, ge=1, le=settings.MAX_PAGE_SIZE),
    offset: int = Query(0, ge=0),
) -> Any:
    total, items = catalog.search(
        min_price=min_price,
        max_price=max_price,
        tag=tag,
        text=q,
        in_stock=in_stock,
        include_discontinued=include_discontinued,
        limit=limit,
        offset=offset,
    )
    return {"total": total, "items": items}


@router.get("/{product_id}", response_model=schemas.ProductOut)
def read_product(product_id: int, catalog: CatalogService = Depends()) -> Any:
    return catalog.get_product(product_id)


@router.put("/{product_id}/tags", response_model=schemas.ProductOut)
def replace_tags(product_id: int, payload: schemas.ProductTagsIn, catalog: CatalogService = Depends()) -> Any:
    return catalog.set_tags(product_id, payload.tags)


@router.delete("/{product_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_product(product_id: int, catalog: CatalogService = Depends()) -> Response:
    catalog.delete_product(product_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/discount", response_model=schemas.UpdatedCount)
def discount(payload: schemas.DiscountIn, catalog: CatalogService = Depends()) -> Any:
    return {"updated": catalog.discount_tag(payload.tag, payload.cents_off)}


@router.post("/discontinue", response_model=schemas.UpdatedCount)
def discontinue(payload: schemas.DiscontinueIn, catalog: CatalogService = Depends()) -> Any:
    return {"updated": catalog.discontinue(payload.product_ids)}

