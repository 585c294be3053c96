from typing import List

from pydantic import BaseModel, ConfigDict


class LineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int


class BasketOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    lines: List[LineOut] = []


class InvoiceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    lines: List[LineOut] = []
