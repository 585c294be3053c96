from typing import List

from pydantic import BaseModel

from app.schemas.compat import ORMModel


class TagOut(ORMModel):
    id: int
    name: str


class ProductOut(ORMModel):
    id: int
    name: str
    tags: List[TagOut]


class ProductPage(BaseModel):
    total: int
    items: List[ProductOut]
