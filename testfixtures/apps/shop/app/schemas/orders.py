from datetime import datetime
from typing import List

from pydantic import BaseModel, Field

from app.schemas.compat import ORMModel


class OrderLineIn(BaseModel):
    product_id: int
    quantity: int = Field(..., gt=0)


class OrderCreate(BaseModel):
    customer_email: str = Field(..., min_length=3, max_length=255)
    items: List[OrderLineIn]


class ProductSummary(ORMModel):
    id: int
    sku: str
    name: str


class OrderItemOut(ORMModel):
    id: int
    quantity: int
    unit_price_cents: int
    product: ProductSummary


class OrderOut(ORMModel):
    id: int
    customer_email: str
    status: str
    placed_at: datetime
    items: List[OrderItemOut]
    total_cents: int


class CustomerOrders(BaseModel):
    total: int
    orders: List[OrderOut]


class BestSeller(BaseModel):
    product: ProductSummary
    units: int


class CustomerRevenue(BaseModel):
    customer_email: str
    revenue_cents: int
