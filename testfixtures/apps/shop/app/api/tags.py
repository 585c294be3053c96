from typing import Any, List

from fastapi import APIRouter, Depends, status

from app import schemas
from app.services import CatalogService

router = APIRouter(prefix="/tags", tags=["tags"])


@router.post("", response_model=schemas.TagOut, status_code=status.HTTP_201_CREATED)
def create_tag(payload: schemas.TagIn, catalog: CatalogService = Depends()) -> Any:
    return catalog.create_tag(payload.name)


@router.get("", response_model=List[schemas.TagCount])
def tag_counts(catalog: CatalogService = Depends()) -> Any:
    return [{"name": name, "products": count} for name, count in catalog.tag_counts()]


@router.delete("/unused")
def prune_tags(catalog: CatalogService = Depends()) -> Any:
    return {"deleted": catalog.prune_tags()}
