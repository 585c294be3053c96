from typing import List

from pydantic import BaseModel, Field

from app.schemas.compat import ORMModel


class TagIn(BaseModel):
    name: str = Field(..., min_length=1, max_length=50)


class TagOut(ORMModel):
    id: int
    name: str


class TagCount(BaseModel):
    name: str
    products: int


class ProductCreate(BaseModel):
    sku: str = Field(..., min_length=1, max_length=32)
    name: str = Field(..., min_length=1, max_length=200)
    price_cents: int = Field(..., gt=0)
    stock: int = Field(0, ge=0)
    tags: List[str] = []


class ProductOut(ORMModel):
    id: int
    sku: str
    name: str
    price_cents: int
    stock: int
    discontinued: bool
    # Serialised from the relationship: whoever loads the product decides how the tags get loaded.
    tags: List[TagOut]


class ProductPage(BaseModel):
    total: int
    items: List[ProductOut]


class ProductTagsIn(BaseModel):
    tags: List[str]


class DiscountIn(BaseModel):
    tag: str
    cents_off: int = Field(..., gt=0)


class DiscontinueIn(BaseModel):
    product_ids: List[int]


class UpdatedCount(BaseModel):
    updated: int
